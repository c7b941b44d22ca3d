"""Does extraction stay linear on hostile input? Times word salad of growing size on one line
(no sentence breaks to help), long runs of capitalised words and deeply nested HTML, and
reports each as a ratio of time per word against the smallest run in the same process.

    python benchmarks/hostile.py [--words 2000,20000,100000]
"""

from __future__ import annotations

import argparse
import random
import time

SALAD = ("Kamis (12/9/2024) dilantik oleh Mendagri Tito Karnavian Pj Bupati Tangerang menyerahkan penghargaan Award 2024 "
         "kepada di Istana Negara , . kategori enam 86.000 ribu Baca Juga kemarin ( ) sebagai yang Wapres dari Rp 1,2 "
         "triliun Andi Ony Prihartono S.H., M.Si A. B. C. D. E.").split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", default="2000,20000,100000")
    sizes = [int(n) for n in parser.parse_args().words.split(",")]
    from factcheck.clean import clean
    from factcheck.extract import extract
    from factcheck.lexicon import load_lexicon
    from factcheck.models import Article, TextLine
    from factcheck.read import parse_html

    lexicon = load_lexicon()

    def run(text: str) -> float:
        article = Article(path="hostile.txt", format="txt", lines=(TextLine(line=1, column=1, text=text),))
        start = time.perf_counter()
        extract(clean(article, lexicon), lexicon)
        return time.perf_counter() - start

    rng = random.Random(1)
    base = None
    for n in sizes:
        seconds = run(" ".join(rng.choice(SALAD) for _ in range(n)))
        per_word = seconds / n
        base = base or per_word
        print(f"word salad, {n:>7} words on one line: {seconds:7.2f}s, time per word {per_word / base:4.1f}x the smallest run")
    seconds = run(" ".join(["Andi"] * sizes[-1]))
    print(f"{sizes[-1]} capitalised words: {seconds:.2f}s, time per word {seconds / sizes[-1] / base:4.1f}x")
    html = "<div>" * 5000 + "<article><p>Kamis (12/9/2024)</p></article>" + "</div>" * 5000
    start = time.perf_counter()
    extract(clean(parse_html("hostile.html", html), lexicon), lexicon)
    print(f"5000 nested <div>: {time.perf_counter() - start:.2f}s")


if __name__ == "__main__":
    main()
