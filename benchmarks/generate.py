"""A seeded generator of synthetic news articles for the speed and scale benchmarks.

    python benchmarks/generate.py OUT_DIR --articles 10000 [--seed 1] [--english 0.1]

Writes OUT_DIR/NNNNNN_outlet.txt (about 2 KB each) and OUT_DIR.truth.json beside it. Events come in
clusters of one to six reports by different outlets: award handovers, swearing-ins and openings,
in every regency and city of the region lexicon, with thousands of distinct person names and
venues. Reports vary the way outlets do (weekday with a numeric date, office abbreviations,
degrees inside names, web noise), and a share of them carries an injected slip: another date, a
weekday that does not fit the date, or another presenter. truth.json lists each event's reports
and each injected slip, so that a benchmark can also check what was found.

Every sentence template here is written for this generator; the facts are invented.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

WEEKDAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
GIVEN = ["Agus", "Budi", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Kartika", "Lukman", "Maya",
         "Nur", "Putri", "Rahmat", "Sri", "Teguh", "Wahyu", "Yusuf", "Zainal", "Andi", "Bambang", "Citra",
         "Dedi", "Erna", "Fajar", "Gilang", "Hadi", "Irfan", "Lestari", "Made", "Nyoman", "Rizky", "Siti",
         "Taufik", "Umar", "Vina", "Wulan", "Yanti", "Arif", "Rudi"]
SYLLABLES = ["ha", "ri", "su", "to", "wi", "ja", "ya", "na", "di", "sa", "pu", "tra", "man", "ko", "lo",
             "ra", "bu", "mi", "ta", "sen", "gu", "no", "ar", "wan", "ti", "dar", "mo", "la", "ni", "ka"]
DEGREES = ["S.Sos.", "M.Si.", "S.H.", "M.M.", "S.T.", "M.Pd.", "S.E.", "M.AP."]
OUTLETS = ["kabarkota", "warta24", "suaradaerah", "harianpagi", "beritanusa", "lintasinfo", "portalwarga",
           "metrokini", "radarkita", "newsline", "jurnalnusa", "detakpost"]
AWARD_HEADS = ["Anugerah", "Penghargaan", "Piala"]
AWARD_WORDS = ["Bhakti", "Karya", "Nugraha", "Pratama", "Utama", "Lestari", "Mandiri", "Sejahtera",
               "Prima", "Cipta", "Adhi", "Wiyata", "Bina", "Tirta", "Loka", "Reksa", "Satya", "Mitra"]
CATEGORIES = ["Kabupaten Terbaik", "Kota Terbaik", "Inovasi Pelayanan Publik", "Kinerja Terbaik",
              "Pembina Terbaik", "Kategori Utama", "Kategori Madya", "Kategori Pratama"]
PRESENTERS = [("Wakil Presiden", "Wapres"), ("Menteri Dalam Negeri", "Mendagri"),
              ("Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan", "Menko PMK"),
              ("Menteri Kesehatan", "Menkes"), ("Menteri Keuangan", "Menkeu"),
              ("Menteri Sosial", "Mensos"), ("Menteri Pertanian", "Mentan")]
VENUE_HEADS = ["Hotel", "Gedung", "Balai", "Aula", "Auditorium", "Graha"]
OBJECTS = ["Pasar", "Jembatan", "RSUD", "Gedung Pelayanan", "Terminal", "Puskesmas", "Masjid Agung"]
NOISE = ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Baca juga: {other}", "Penulis: {writer}",
         "Editor: {writer}", "Ikuti berita terkini di Google News"]
FILLER_ID = [
    "Menurut {speaker}, capaian itu lahir dari kerja bersama seluruh perangkat daerah dan warga.",
    "Ia berharap program tersebut terus berlanjut dan dirasakan manfaatnya oleh {count} warga.",
    "Acara itu juga dihadiri jajaran Forkopimda dan sejumlah kepala organisasi perangkat daerah.",
    "Pemerintah daerah menyiapkan anggaran Rp{money} miliar untuk program lanjutan tahun depan.",
    "Dalam sambutannya, {speaker} meminta seluruh jajaran menjaga integritas dan pelayanan.",
    "Sebelumnya, tim penilai melakukan verifikasi lapangan ke sejumlah kecamatan.",
]
FILLER_EN = [
    "According to {speaker}, the result came from the joint work of every agency and resident.",
    "The programme now reaches {count} residents, officials said.",
    "Regional leaders and heads of local agencies attended the event.",
]


@dataclass
class Event:
    id: str
    kind: str  # award, oath, opening
    date: dt.date
    region: str
    venue: str
    presenter_office: tuple[str, str]
    presenter: str
    recipient: str  # a person (oath), an official receiving for the region (award), the object (opening)
    recipient_office: str
    award: str = ""
    category: str = ""
    reports: list[str] = field(default_factory=list)


class Generator:
    def __init__(self, seed: int, english: float) -> None:
        self.rng = random.Random(seed)
        self.english = english
        provinces = yaml.safe_load((ROOT / "rules" / "lexicon" / "regions.yaml").read_text(encoding="utf-8"))["provinces"]
        self.regions = [("Kabupaten", r) for p in provinces for r in p["regencies"]]
        self.regions += [("Kota", c) for p in provinces for c in p["cities"]]
        self.ministers = {office: self.person() for office, _ in PRESENTERS}
        self.ceremonies: dict[tuple[str, int], tuple[dt.date, str, tuple[str, str]]] = {}
        self.truth: dict[str, list] = {"events": [], "slips": []}

    def person(self) -> str:
        surname = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()
        return f"{self.rng.choice(GIVEN)} {surname}"

    def event(self, n: int) -> Event:
        rng = self.rng
        kind = rng.choices(["award", "oath", "opening"], weights=[5, 3, 2])[0]
        level, region = rng.choice(self.regions)
        date = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        venue = f"{rng.choice(VENUE_HEADS)} {self.person().split()[1]}"
        office = rng.choice(PRESENTERS)
        head = "Bupati" if level == "Kabupaten" else "Wali Kota"
        ev = Event(id=f"e{n}", kind=kind, date=date, region=f"{level} {region}", venue=venue,
                   presenter_office=office, presenter=self.ministers[office[0]], recipient=self.person(),
                   recipient_office=f"{head} {region}")
        if kind == "award":
            # A national award has one ceremony a year, with many recipients: reports of two
            # regions receiving one edition agree on its date, venue and presenter.
            coined = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
            name = f"{rng.choice(AWARD_HEADS)} {coined} {rng.choice(AWARD_WORDS)}"
            ev.date, ev.venue, ev.presenter_office = self.ceremonies.setdefault(
                (name, date.year), (date, venue, office))
            ev.presenter = self.ministers[ev.presenter_office[0]]
            ev.award = f"{name} {date.year}"
            ev.category = rng.choice(CATEGORIES)
        elif kind == "oath":
            ev.presenter_office = ("Gubernur", "Gubernur")
            ev.presenter = self.person()
            ev.recipient_office = f"Pj {head} {region}"
        else:
            ev.award = f"{rng.choice(OBJECTS)} {self.person().split()[1]}"
        return ev

    def date_phrase(self, date: dt.date, english: bool, weekday_slip: bool) -> str:
        wd = (date.weekday() + (self.rng.randint(1, 6) if weekday_slip else 0)) % 7
        if english:
            return f"on {dt.date(2024, 1, 1 + wd).strftime('%A')} ({date.strftime('%B')} {date.day}, {date.year})"
        style = self.rng.randrange(3)
        if style == 0:
            return f"{WEEKDAYS_ID[wd]} ({date.day}/{date.month}/{date.year})"
        if style == 1:
            return f"{WEEKDAYS_ID[wd]} ({date.day}/{date.month}/{date.year % 100:02d})"
        return f"{WEEKDAYS_ID[wd]}, {date.day} {MONTHS_ID[date.month - 1]} {date.year}"

    def report(self, ev: Event, path: str, slip: str | None) -> str:
        rng = self.rng
        english = rng.random() < self.english
        date = ev.date + dt.timedelta(days=rng.choice([-9, -7, 7, 14])) if slip == "date" else ev.date
        office, short = ev.presenter_office
        presenter = ev.presenter
        if slip == "presenter":
            office, short = rng.choice([p for p in PRESENTERS if p[0] != office])
            presenter = self.ministers[office]
        who = f"{rng.choice([office, short])} {presenter}"
        recipient = ev.recipient if rng.random() < 0.6 else f"{ev.recipient}, {rng.choice(DEGREES)}"
        when = self.date_phrase(date, english, slip == "weekday")
        place = ev.region.split(" ", 1)[1].upper()
        outlet = path.split("_", 1)[1].removesuffix(".txt")
        lines = [f"{ev.award or ev.recipient_office} dan {ev.region}".upper() if not english else
                 f"{ev.region} officials mark {ev.kind} event", ""]
        if english:
            act = {"award": f"received the {ev.award} award from {who}",
                   "oath": f"was sworn in as {ev.recipient_office} by {who}",
                   "opening": f"inaugurated by {who}, the new {ev.award}"}[ev.kind]
            lines.append(f"{place}, {outlet} - {ev.recipient_office} {recipient} {act} at {ev.venue} {when}.")
            fill = FILLER_EN
        else:
            act = {"award": f"menerima {ev.award} kategori {ev.category} dari {who}",
                   "oath": f"dilantik sebagai {ev.recipient_office} oleh {who}",
                   "opening": f"mendampingi {who} meresmikan {ev.award}"}[ev.kind]
            lines.append(f"{place}, {outlet}.com - {ev.recipient_office} {recipient} {act} di {ev.venue}, {when}.")
            fill = FILLER_ID
        for _ in range(rng.randint(12, 18)):
            lines.append("")
            lines.append(rng.choice(fill).format(speaker=recipient, count=f"{rng.randint(2, 99)}.{rng.randint(0, 999):03d}",
                                                 money=rng.randint(2, 90)))
            if rng.random() < 0.3:
                lines.append(rng.choice(NOISE).format(other=f"{self.person()} Raih Penghargaan", writer=self.person()))
        return "\n".join(lines) + "\n"

    def corpus(self, out: Path, articles: int) -> None:
        out.mkdir(parents=True, exist_ok=True)
        written, n = 0, 0
        while written < articles:
            ev = self.event(n)
            n += 1
            size = min(self.rng.choices([1, 2, 3, 4, 6], weights=[3, 4, 3, 2, 1])[0], articles - written)
            outlets = self.rng.sample(OUTLETS, size)
            for outlet in outlets:
                path = f"{written:06d}_{outlet}.txt"
                slip = self.rng.choices([None, "date", "weekday", "presenter"], weights=[90, 3, 4, 3])[0] if size > 1 else None
                (out / path).write_text(self.report(ev, path, slip), encoding="utf-8")
                ev.reports.append(path)
                if slip:
                    self.truth["slips"].append({"event": ev.id, "path": path, "kind": slip})
                written += 1
            self.truth["events"].append({"id": ev.id, "kind": ev.kind, "date": ev.date.isoformat(), "reports": ev.reports})
        out.with_name(out.name + ".truth.json").write_text(json.dumps(self.truth, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--english", type=float, default=0.1, help="share of reports in English")
    args = parser.parse_args()
    Generator(args.seed, args.english).corpus(args.out, args.articles)


if __name__ == "__main__":
    main()
