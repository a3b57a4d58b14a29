"""What demo data is made of: people's names by locale and document topics by language.

The topics are ones the offline source list has works for, so their outlines get sources.
Names are (as written, as the address begins)."""

NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("Emily Carter", "emily.carter"), ("James Hughes", "james.hughes"),
           ("Olivia Bennett", "olivia.bennett"), ("Daniel Foster", "daniel.foster"),
           ("Grace Murphy", "grace.murphy"), ("Samuel Walsh", "samuel.walsh")),
    "uk": (("Олена Коваленко", "olena.kovalenko"), ("Тарас Шевчук", "taras.shevchuk"),
           ("Ірина Бондар", "iryna.bondar"), ("Андрій Мельник", "andrii.melnyk"),
           ("Марта Ткаченко", "marta.tkachenko"), ("Богдан Кравець", "bohdan.kravets")),
    "ru": (("Анна Смирнова", "anna.smirnova"), ("Дмитрий Волков", "dmitrii.volkov"),
           ("Мария Соколова", "mariia.sokolova"), ("Сергей Морозов", "sergei.morozov"),
           ("Екатерина Лебедева", "ekaterina.lebedeva"), ("Павел Новиков", "pavel.novikov")),
    "it": (("Giulia Rossi", "giulia.rossi"), ("Marco Bianchi", "marco.bianchi"),
           ("Chiara Esposito", "chiara.esposito"), ("Luca Ricci", "luca.ricci"),
           ("Francesca Romano", "francesca.romano"), ("Matteo Colombo", "matteo.colombo")),
    "es": (("Lucía García", "lucia.garcia"), ("Javier Martínez", "javier.martinez"),
           ("Carmen López", "carmen.lopez"), ("Pablo Sánchez", "pablo.sanchez")),
    "pl": (("Zofia Nowak", "zofia.nowak"), ("Jakub Kowalczyk", "jakub.kowalczyk"),
           ("Agnieszka Zielińska", "agnieszka.zielinska"),
           ("Piotr Wiśniewski", "piotr.wisniewski")),
}

# Topics by the document's language; each is its title too.
TOPICS: dict[str, tuple[str, ...]] = {
    "en": ("Machine learning in medical diagnosis",
           "Climate change adaptation in coastal cities",
           "Relationship marketing and customer loyalty",
           "Corporate governance and firm performance",
           "Bilingual education and language acquisition"),
    "uk": ("Цифровий маркетинг малого бізнесу в Україні",
           "Економічні цикли та довгі хвилі Кондратьєва",
           "Штучний інтелект в освіті",
           "Теорія інформації та алгоритмічна складність"),
    "ru": ("Цепи Маркова в статистике текста",
           "Турбулентность в гидродинамике",
           "Экономические циклы и длинные волны",
           "Теория информации и сложность"),
    "it": ("Intelligenza artificiale nella diagnosi medica",
           "Marketing digitale e fidelizzazione dei clienti",
           "Cambiamento climatico e adattamento urbano",
           "Educazione bilingue e acquisizione linguistica"),
    "es": ("Inteligencia artificial en la educación",
           "Cambio climático y adaptación costera",
           "Marketing digital y fidelización de clientes"),
    "fr": ("Intelligence artificielle et diagnostic médical",
           "Changement climatique et adaptation",
           "Marketing relationnel et fidélité des clients"),
    "pl": ("Sztuczna inteligencja w edukacji",
           "Marketing cyfrowy w małych firmach"),
}

# Citation styles by language, taken in turn: GOST where it is usual, the others elsewhere.
STYLES: dict[str, tuple[str, ...]] = {
    "en": ("apa", "mla", "harvard", "chicago", "ieee"), "uk": ("gost", "apa", "ieee"),
    "ru": ("gost", "ieee", "apa"), "it": ("chicago", "apa", "harvard"),
    "es": ("mla", "apa", "ieee"), "fr": ("harvard", "chicago", "mla"),
    "pl": ("ieee", "apa", "harvard"),
}

LANGUAGES = tuple(TOPICS)
