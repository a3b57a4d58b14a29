from domain.documents import Document


def progress(document: Document) -> float:
    """The outline counts as one step, each section as one more."""
    steps = 1 + len(document.outline)
    done = (1 if document.outline else 0) + len(document.sections)
    return round(done / steps, 4)
