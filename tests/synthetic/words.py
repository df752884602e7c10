"""Words the synthetic seminar generator draws on: names, institutions, topics and phrasings.

Kept apart from :mod:`.generator` so the generator reads as an algorithm.
Every list is a tuple in a fixed order: the generator picks from them with a
seeded random number generator, so the same seed gives the same seminar.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Ada", "Aiko", "Akosua", "Alejandro", "Amara", "Anders", "Anja", "Aravind", "Beatriz", "Bilal",
    "Camille", "Chen", "Chiara", "Dawit", "Dmitri", "Elif", "Emeka", "Esther", "Farah", "Felipe",
    "Gabriela", "Goran", "Hana", "Hassan", "Ingrid", "Ioana", "Jakub", "Jia", "Joaquín", "Kamala",
    "Kenji", "Kofi", "Lars", "Leila", "Lucía", "Malik", "Mariam", "Mateo", "Mei", "Miguel",
    "Nadia", "Niamh", "Nikolai", "Noor", "Oksana", "Olu", "Omar", "Pavel", "Priya", "Rafael",
    "Rania", "Rohan", "Saanvi", "Sakura", "Samuel", "Sofia", "Søren", "Tamar", "Tariq", "Thandiwe",
    "Tomás", "Valentina", "Vikram", "Wanjiru", "Wei", "Yara", "Yusuf", "Zainab", "Zoë", "Zoltán",
)

SURNAMES = (
    "Abebe", "Adeyemi", "Alvarez", "Andersson", "Bakker", "Banerjee", "Becker", "Bianchi", "Brennan",
    "Castillo", "Chowdhury", "Costa", "Dimitrov", "Dubois", "Eriksen", "Fernández", "Fischer", "Gallagher",
    "García", "Haddad", "Hansen", "Horváth", "Ibrahim", "Ivanova", "Jansen", "Kaczmarek", "Kamau",
    "Kapoor", "Kim", "Kowalski", "Kuznetsov", "Laurent", "Lindqvist", "Lopes", "Mahlangu", "Marino",
    "Mendoza", "Mensah", "Moreau", "Müller", "Nakamura", "Naidoo", "Nguyen", "Novak", "Nowak",
    "Okafor", "Okonkwo", "Olsen", "Ortega", "Park", "Petrov", "Popescu", "Quispe", "Rahman",
    "Ramírez", "Rossi", "Sato", "Schmidt", "Shapiro", "Silva", "Singh", "Sokolova", "Suzuki",
    "Tanaka", "Teo", "Torres", "Usman", "Van Dijk", "Vargas", "Volkov", "Wang", "Weber", "Yamamoto",
    "Yilmaz", "Zhang", "Zhou", "Zielińska",
)

HONORIFICS = (None, None, None, None, "Dr", "Dr", "Prof.", "Ambassador")

CITIES = (
    "Accra", "Almaty", "Bangalore", "Berlin", "Bogotá", "Brussels", "Cape Town", "Geneva", "Helsinki",
    "Istanbul", "Jakarta", "Kyiv", "Lagos", "Lima", "London", "Melbourne", "Montreal", "Nairobi",
    "Oslo", "Paris", "Santiago", "Seoul", "Singapore", "Tokyo", "Vienna", "Warsaw",
)

FIELDS = (
    "International Relations", "Security Studies", "Political Economy", "Energy Policy",
    "Regional Studies", "Strategic Studies", "Public Policy", "Trade Law", "Development Economics",
    "Environmental Governance", "Technology Policy", "Diplomatic History",
)

AFFILIATION_PATTERNS = (
    "University of {city}",
    "{city} Institute of {field}",
    "Centre for {field}, {city}",
    "{city} Council on {field}",
    "School of {field}, {city}",
    "{city} Policy Forum",
)

JOB_TITLES = (
    "Senior Fellow", "Research Fellow", "Director of Research", "Associate Professor",
    "Professor of {field}", "Head of the {field} Programme", "Former Ambassador", "Editor",
    "Lecturer in {field}", "Visiting Scholar",
)

ORGANISERS = (
    "The Policy Exchange Circle", "The Open Dialogue Forum", "The Meridian Round Table",
    "The Civic Futures Network", "The Northern Affairs Society",
)

VENUES = ("Conference Hall B", "Virtual Seminar", "The Old Library", "Committee Room 2", "Harbour Forum")

# (question, negative pole, positive pole, neutral) — the seminar's own words for the scale.
QUESTIONS = (
    ("Will the regional partnership hold?", "divergence", "convergence", "mixed"),
    ("Should the accord be ratified?", "opposition", "support", "undecided"),
    ("Is the energy transition on track?", "setback", "progress", "mixed"),
    ("Will the trade bloc deepen its integration?", "fragmentation", "integration", "mixed"),
)

TOPIC_SUBJECTS = (
    "Energy", "Arctic", "Maritime", "Cyber", "Space", "Nuclear", "Food", "Water", "Health", "Climate",
    "Border", "Currency", "Data", "Shipping", "Mining", "Railway", "Satellite", "Fisheries",
    "Pipeline", "Semiconductor",
)

TOPIC_FACETS = ("security", "trade", "governance", "investment", "standards", "diplomacy", "cooperation")

LEAD_INS = (
    "", "", "", "", "Turning to {topic}, ", "Later, ", "In reply, ", "By contrast, ", "Responding, ",
    "In the discussion, ", "Returning to an earlier point, ",
)

VERBS = {
    "assessment": ("argued", "said", "observed", "contended", "noted", "maintained", "suggested"),
    "prediction": ("predicted", "expected", "warned", "forecast", "said", "suggested"),
    "prescription": ("urged", "recommended", "insisted", "argued", "proposed", "said"),
}

# Claims by kind and stance (-2 … +2).  {topic} is the theme in lower case (always
# after a preposition, so singular and plural labels both read well);
# {positive} / {negative} / {neutral} are the seminar's words for the scale.
CLAIMS = {
    "assessment": {
        2: (
            "the record on {topic} is already the clearest case of {positive} between {parties}",
            "the work done on {topic} shows {positive} running deep",
        ),
        1: (
            "the talks on {topic} show modest but real {positive}",
            "{parties} have quietly moved towards {positive} on {topic}",
        ),
        0: (
            "the evidence on {topic} cuts both ways",
            "the picture on {topic} stays {neutral} and resists a simple reading",
        ),
        -1: (
            "the quarrels over {topic} expose a growing {negative}",
            "{parties} talk past each other on {topic}",
        ),
        -2: (
            "the {negative} is deepest on {topic}",
            "nothing said on {topic} suggests anything but {negative}",
        ),
    },
    "prediction": {
        2: (
            "cooperation on {topic} will bind {parties} more tightly {timeframe}",
            "progress on {topic} will be the engine of {positive} {timeframe}",
        ),
        1: (
            "the agenda on {topic} is likely to bring {parties} closer {timeframe}",
            "a slow drift towards {positive} on {topic} will continue {timeframe}",
        ),
        0: (
            "it is too early to say where the talks on {topic} will lead {timeframe}",
            "the outcome on {topic} could go either way {timeframe}",
        ),
        -1: (
            "differences over {topic} will become a source of friction {timeframe}",
            "strains over {topic} will surface {timeframe}",
        ),
        -2: (
            "rivalry over {topic} will drive {parties} apart {timeframe}",
            "open {negative} over {topic} is coming {timeframe}",
        ),
    },
    "prescription": {
        2: (
            "{parties} should put the work on {topic} at the centre of their agenda",
            "governments must invest in {topic} as the surest path to {positive}",
        ),
        1: (
            "{parties} should build on what already works in {topic}",
            "a joint working group on {topic} deserves support",
        ),
        0: (
            "outsiders should watch developments in {topic} closely before drawing conclusions",
            "any policy on {topic} should wait for better evidence",
        ),
        -1: (
            "{parties} should hedge their bets on {topic}",
            "partners should prepare for disputes over {topic}",
        ),
        -2: (
            "outsiders should expect open {negative} over {topic}",
            "no one should build policy on the assumption of agreement over {topic}",
        ),
    },
}

# Who "{parties}" are in a claim, and what narrows a theme down in one statement.
PARTIES = ("the parties", "both capitals", "the two governments", "the partners", "the signatories", "both sides")
QUALIFIERS = (
    "", "", "", " in the {region}", " in the {region}", " for {group}", " for {group}", " along the {region} corridor",
)
REGIONS = (
    "Baltic", "Caspian basin", "Black Sea", "Arctic shelf", "Sahel", "Mekong delta", "Andes", "Pacific rim",
    "Horn of Africa", "Balkans", "Gulf", "Danube valley", "Indian Ocean", "Caucasus", "Great Lakes",
)
GROUPS = (
    "small exporters", "coastal towns", "state-owned firms", "border regions", "young engineers", "family farms",
    "regional banks", "port operators", "mining towns", "private investors", "local councils", "research labs",
)

TIMEFRAMES = (
    "within five years", "over the coming decade", "by the end of the decade", "before the next summit",
    "in the medium term", "within a generation", "sooner than most expect",
)

# The specifics a speaker cites, which make each reported statement its own.
EVIDENCE = (
    "citing the {year} {city} {document}",
    "pointing to {number} per cent of {sector} {trend}",
    "on the strength of {count} {projects} since {year}",
    "as the {city} {body} reported in {month} {year}",
    "judging by the {document} signed in {city} in {year}",
    "with {number} per cent of {sector} {trend}",
)
DOCUMENTS = ("protocol", "memorandum", "summit communiqué", "framework agreement", "joint statement", "road map")
SECTORS = ("exports", "investment", "public tenders", "shipments", "joint ventures", "bank lending")
TRENDS = ("now flowing between them", "under review", "at risk", "already committed", "still undecided")
PROJECTS = ("joint ventures", "pilot schemes", "working groups", "joint exercises", "state loans", "expert exchanges")
BODIES = ("audit office", "trade council", "parliamentary committee", "statistics bureau", "central bank")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

MODIFIERS = (
    "", "", "", "", ", despite the sanctions", ", whatever the headlines suggest", ", as last year's figures show",
    ", in spite of the budget cuts", ", if the present leadership stays", ", given the pressure from outside powers",
    ", unless the courts intervene", ", as the last crisis showed",
)

SUMMARIES = {
    "assessment": (
        "Reads the record on {topic} as {label}.",
        "Sees {label} on {topic}.",
        "Finds {label} in the work on {topic}.",
    ),
    "prediction": ("Expects {label} on {topic} {timeframe}.", "Forecasts {label} over {topic}."),
    "prescription": (
        "Calls for a policy on {topic} that assumes {label}.",
        "Wants policy on {topic} to plan for {label}.",
    ),
}
