// Follows a generation job on the document's page: the job's WebSocket (the session
// cookie signs it in), the progress bar and the status line as its events arrive, and,
// when it ends, the outline, text, sources and downloads read again from the page. A
// dropped connection reconnects with `after=` the last event seen, so nothing is missed.
(function () {
  "use strict";
  const box = document.querySelector("[data-job]");
  if (!box || box.dataset.done) return;
  const bar = box.querySelector("progress");
  const status = box.querySelector("[data-status]");
  const terminal = new Set(["succeeded", "failed", "cancelled"]);
  let after = Number(box.dataset.after || 0);
  let finished = false;
  let retries = 0;
  let shown = bar.value;
  const steps = JSON.parse(box.dataset.steps || "{}");

  function stepText(step) {  // the worker's step in the page's language
    const section = /^section (\d+) written$/.exec(step);
    if (section && steps.section) return steps.section.replace("{n}", section[1]);
    return steps[step] || step;
  }

  function show(event) {
    bar.value = Math.round(event.progress * 100);
    status.textContent = event.state === "succeeded" ? box.dataset.ready : stepText(event.step);
  }

  async function reread() {
    const answer = await fetch(window.location.href, { credentials: "same-origin" });
    const fresh = new DOMParser().parseFromString(await answer.text(), "text/html");
    for (const part of ["meta", "outline", "text", "sources", "downloads"]) {
      const now = document.querySelector(`[data-part="${part}"]`);
      const then = fresh.querySelector(`[data-part="${part}"]`);
      if (then && now) now.replaceWith(then);
      else if (then) document.querySelector("article.document").append(then);
    }
  }

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(
      `${scheme}://${window.location.host}/api/v1/jobs/${box.dataset.job}/events?after=${after}`);
    socket.onopen = () => { retries = 0; };
    socket.onmessage = (message) => {
      const event = JSON.parse(message.data);
      after = Math.max(after, event.seq);
      show(event);
      if (terminal.has(event.state)) { finished = true; reread(); }
      else if (bar.value > shown) { shown = bar.value; reread(); }  // a step is written
    };
    socket.onclose = (closed) => {
      // 4401: the session ended; 4404: not this user's job. Reloading says which.
      if (finished || closed.code === 4401 || closed.code === 4404) return;
      setTimeout(connect, Math.min(10000, 500 * 2 ** retries++));
    };
  }

  connect();
})();
