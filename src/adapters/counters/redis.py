from redis.asyncio import Redis

from domain.ports.counters import CounterReading, Counters

# INCR and the first EXPIRE in one step: a crash between them cannot leave a counter that
# never expires, and no other client sees the key without its expiry.
_INCREMENT = """
local value = redis.call('INCR', KEYS[1])
if value == 1 or redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return value
"""


class RedisCounters(Counters):
    """Counters in Redis, shared by every process on the same server; expiry is Redis's own.
    Litestar's RedisStore would hold them too, but its Store API has no atomic increment:
    a get-then-set between two processes loses counts, and a limit would then allow more."""

    def __init__(self, client: Redis, prefix: str = "tesigo:") -> None:
        self._client, self._prefix = client, prefix
        self._increment = client.register_script(_INCREMENT)

    async def increment(self, key: str, ttl_s: int) -> int:
        return int(await self._increment(keys=[self._prefix + key], args=[max(1, ttl_s)]))

    async def put(self, key: str, value: int, ttl_s: int) -> None:
        await self._client.set(self._prefix + key, value, ex=max(1, ttl_s))

    async def peek(self, key: str) -> CounterReading | None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.get(self._prefix + key)
            pipe.ttl(self._prefix + key)
            value, ttl = await pipe.execute()
        if value is None:
            return None
        return CounterReading(int(value), max(1, int(ttl)))

    async def delete(self, *keys: str) -> None:
        if keys:
            await self._client.delete(*(self._prefix + key for key in keys))
