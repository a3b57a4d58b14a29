from domain.documents import Document
from domain.jobs import GenerationJob


def progress(job: GenerationJob, document: Document) -> float:
    """How far `job` has come on `document`. A job that writes what is missing: the outline
    counts as one step, each section as one more. A job that rewrites chosen sections:
    each of them is one step, done once the job wrote it."""
    if job.sections is None:
        steps = 1 + len(document.outline)
        done = (1 if document.outline else 0) + len(document.sections)
    else:
        steps = len(job.sections)
        done = sum(1 for s in document.sections if s.index in job.sections and job.wrote(s))
    return round(done / max(1, steps), 4)
