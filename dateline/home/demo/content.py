"""Demo content for a fresh Dateline install.

Plain data only: the demo loader turns these structures into Wagtail pages,
snippets and taxonomy terms. All reporting below is fictional but set against
real events; every person quoted is invented or anonymous.

Conventions:
- Dates are local time in ISO format without a timezone ("2023-09-19T13:30").
- Body blocks are (kind, value) tuples; kinds are "paragraph", "heading",
  "quote", "pull_quote", "embed" and "image".
- Paragraph text may contain <a href>, <b> and <i> only.
"""

SITE = {
    "name": "Borderland Ledger",
    "tagline": "Independent reporting from the Caucasus, Central Asia and the lands in between",
    "copyright": "© Borderland Ledger. Stories may be republished under CC BY-ND 4.0 unless marked otherwise.",
}

AUTHORS = [
    {
        "slug": "aigerim-sadykova",
        "name": "Aigerim Sadykova",
        "role": "Editor-in-chief",
        "bio": "Aigerim co-founded the newsroom after a decade covering courts and energy in Almaty. She edits the daily report and still files the occasional long read on Kazakhstan.",
        "email": "aigerim@example.org",
    },
    {
        "slug": "nino-beridze",
        "name": "Nino Beridze",
        "role": "Caucasus editor",
        "bio": "Nino runs our coverage of Georgia, Armenia and Azerbaijan from Tbilisi. She has reported on the region’s frozen conflicts since 2008.",
        "email": "nino@example.org",
    },
    {
        "slug": "lilit-hakobyan",
        "name": "Lilit Hakobyan",
        "role": "Reporter, Yerevan",
        "bio": "Lilit covers Armenian politics, displacement and the border regions of Syunik and Tavush. She previously worked as a fixer for international broadcasters.",
        "email": "lilit@example.org",
    },
    {
        "slug": "timur-rakhimov",
        "name": "Timur Rakhimov",
        "role": "Central Asia correspondent",
        "bio": "Timur is based in Bishkek and reports across Kyrgyzstan, Uzbekistan and Tajikistan, with a focus on elections, courts and labour migration.",
        "email": "timur@example.org",
    },
    {
        "slug": "farida-nazarova",
        "name": "Farida Nazarova",
        "role": "Environment reporter",
        "bio": "Farida writes about water, glaciers and air quality from Dushanbe. She trained as a hydrologist before moving into journalism.",
        "email": "farida@example.org",
    },
    {
        "slug": "olena-marchenko",
        "name": "Olena Marchenko",
        "role": "Eastern Europe correspondent",
        "bio": "Olena divides her time between Chișinău and Vilnius, covering Moldova, Belarus, the Baltic states and the war in Ukraine.",
        "email": "olena@example.org",
    },
    {
        "slug": "bakyt-osmonov",
        "name": "Bakyt Osmonov",
        "role": "Photographer and visual editor",
        "bio": "Bakyt has photographed Central Asia’s mountains, markets and protests for fifteen years. He commissions and edits all our visual work.",
        "email": "bakyt@example.org",
    },
    {
        "slug": "elif-demir",
        "name": "Elif Demir",
        "role": "Podcast producer",
        "bio": "Elif produces our weekly podcast from Istanbul and reports on Turkey’s ties with the Turkic-speaking world. She is fluent in Turkish, Russian and Azerbaijani.",
        "email": "elif@example.org",
    },
]

ARTICLES = [
    # ------------------------------------------------------------------
    # Nagorno-Karabakh, September 2023 (the lead story and its follow-ups)
    # ------------------------------------------------------------------
    {
        "slug": "azerbaijan-launches-offensive-in-nagorno-karabakh",
        "title": "Azerbaijan launches military offensive in Nagorno-Karabakh",
        "standfirst": "Artillery and drone strikes hit Stepanakert and villages along the line of contact after Baku announced what it called “local anti-terrorist measures”. Karabakh officials report dozens of casualties.",
        "published": "2023-09-19T13:30",
        "updated": "2023-09-19T21:10",
        "places": ["nagorno-karabakh", "azerbaijan", "armenia", "caucasus"],
        "topics": ["security"],
        "collections": [],
        "authors": ["lilit-hakobyan", "nino-beridze"],
        "image": {
            "caption": "Smoke rises over the hills outside Stepanakert as evening falls on 19 September 2023.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Columns of smoke above green hills and a small town at dusk",
        },
        "body": [
            (
                "paragraph",
                "Azerbaijan began a military offensive in Nagorno-Karabakh at about 1 pm local time on Tuesday, when its defence ministry announced “local anti-terrorist measures” against what it described as Armenian armed formations in the region. Within minutes residents of Stepanakert, the main town, reported explosions on its outskirts and the sound of drones overhead. The operation comes after nine months in which the only road linking the enclave to Armenia, the Lachin corridor, has been largely closed.",
            ),
            (
                "paragraph",
                "Baku said it had acted after two mine explosions earlier in the day, which it said had killed four police officers and two civilian road workers. The ministry called on Armenian units to lay down their weapons and leave, and on the de facto authorities in Stepanakert to dissolve themselves. Armenia’s government said it had no troops in Nagorno-Karabakh and described the assault as an attack on the civilian population.",
            ),
            ("heading", "Sirens over Stepanakert"),
            (
                "paragraph",
                "Air-raid sirens sounded across Stepanakert shortly after the announcement. People who reached us by phone described families hurrying into basements and school staff walking pupils home through streets that had emptied within half an hour. Mobile connections were patchy throughout the afternoon, and several villages in the Martakert and Askeran districts could not be reached at all.",
            ),
            (
                "quote",
                {
                    "text": "We heard the first explosions while the children were still at school. My neighbours carried mattresses down to the basement. Nobody knows how long we will have to stay there, and after months of blockade there is very little food to take with us.",
                    "attribution": "Armine, a schoolteacher in Stepanakert, speaking by phone",
                },
            ),
            (
                "paragraph",
                "Four hours after the offensive began, the Karabakh Armenian human rights ombudsman said that at least 25 people had been killed, among them civilians, and that more than 130 had been wounded. By early evening local officials said the figures were rising as reports came in from villages close to the line of contact. Borderland Ledger could not independently verify the numbers.",
            ),
            (
                "pull_quote",
                "We heard the first explosions while the children were still at school.",
            ),
            (
                "image",
                {
                    "caption": "Residents of a Stepanakert apartment block shelter in a basement during the shelling, in an image shared with Borderland Ledger by a local resident.",
                    "credit": "Photo: courtesy of a Stepanakert resident",
                    "alt": "People sitting on mattresses in a dimly lit basement",
                },
            ),
            ("heading", "Anger in Yerevan"),
            (
                "paragraph",
                "Towards evening, several thousand people gathered in central Yerevan near the main government building. Some demanded that Armenia intervene; others accused the authorities of abandoning Karabakh’s Armenians. Police formed lines along the approach roads and there were scuffles as protesters tried to push forward. Many of those in the crowd said they had relatives in the enclave whom they had not been able to reach since midday.",
            ),
            (
                "embed",
                {
                    "url": "https://example.org/posts/lilit-hakobyan/yerevan-evening-19-september",
                    "title": "Crowds gather near the government building in Yerevan",
                    "description": "Our reporter’s short video from central Yerevan as protests grew on the evening of 19 September.",
                    "provider": "Example Social",
                },
            ),
            (
                "paragraph",
                "At about 7 pm, the de facto authorities in Stepanakert appealed for an immediate ceasefire and talks. An Azerbaijani official said Baku was prepared to meet representatives of the Karabakh Armenians in the town of Yevlakh, but that operations would stop only once local forces surrendered. Russia’s peacekeeping contingent, deployed under the November 2020 ceasefire, said it was helping to move civilians out of some villages.",
            ),
            (
                "paragraph",
                'About 120,000 ethnic Armenians were living in Nagorno-Karabakh before the offensive, according to local authorities. Azerbaijan recaptured much of the surrounding territory during the 44-day war in 2020. For background, see our <a href="/regions/conflict-zones/">conflict zones</a> coverage and our <a href="/regions/caucasus/">Caucasus</a> page. This story was updated through the evening.',
            ),
        ],
        "corrections": [
            (
                "2023-09-20",
                "An earlier version of this story said the Azerbaijani defence ministry made its announcement at about noon local time. It was made at about 1 pm. This has been corrected.",
            ),
        ],
    },
    {
        "slug": "karabakh-ceasefire-agreed-after-day-of-fighting",
        "title": "Karabakh Armenian forces agree to disarm as ceasefire takes hold",
        "standfirst": "A truce brokered through Russian peacekeepers ended roughly 24 hours of fighting. Its terms amount to the dissolution of Karabakh’s armed forces, and talks on the enclave’s future begin on Thursday.",
        "published": "2023-09-20T15:40",
        "updated": "2023-09-20T20:05",
        "places": ["nagorno-karabakh", "azerbaijan", "armenia", "caucasus"],
        "topics": ["security"],
        "collections": [],
        "authors": ["nino-beridze"],
        "image": {
            "caption": "A road checkpoint near the line of contact in Nagorno-Karabakh, quiet after the ceasefire of 20 September 2023.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "An empty mountain road with a barrier and a small guard hut",
        },
        "body": [
            (
                "paragraph",
                "The guns around Stepanakert fell silent on Wednesday afternoon after the de facto authorities of Nagorno-Karabakh accepted a ceasefire that requires their armed units to disband and hand over heavy weapons. The agreement, mediated through the command of the Russian peacekeeping force, took effect at 1 pm local time, almost exactly a day after Azerbaijan began its offensive.",
            ),
            (
                "paragraph",
                "Under the terms announced by both sides, Karabakh Armenian formations will withdraw from their positions and disarm, and any Armenian army personnel still in the region are to leave. Representatives of the Karabakh Armenians are to meet Azerbaijani officials in Yevlakh on Thursday to discuss what Baku calls the “reintegration” of the region.",
            ),
            ("heading", "A town in shock"),
            (
                "paragraph",
                "In Stepanakert, residents who emerged from shelters described a mood closer to dread than relief. Hundreds of people from outlying villages had gathered near the airport, where the Russian contingent is based, hoping for protection or a way out. Food, fuel and medicine were already scarce after months of blockade.",
            ),
            (
                "quote",
                {
                    "text": "People are asking only one question: will we be allowed to stay, and if not, will they let us leave? Nobody here has an answer.",
                    "attribution": "Davit Grigoryan, a volunteer at a Stepanakert aid centre",
                },
            ),
            (
                "paragraph",
                "Russia’s defence ministry said several of its peacekeepers were killed on Wednesday when their vehicle came under fire. Officials in Stepanakert said the death toll from the fighting had risen to at least 200, a figure that could not be verified. Azerbaijan has not published its own casualty figures.",
            ),
        ],
    },
    {
        "slug": "karabakh-armenians-flee-to-armenia",
        "title": "Tens of thousands of Karabakh Armenians cross into Armenia as exodus gathers pace",
        "standfirst": "Cars, trucks and buses queue for a day or more on the mountain road to Goris. The de facto government in Stepanakert says it will cease to exist by the end of the year.",
        "published": "2023-09-28T19:20",
        "updated": "2023-09-29T09:45",
        "places": ["nagorno-karabakh", "azerbaijan", "armenia", "caucasus"],
        "topics": ["security"],
        "collections": [],
        "authors": ["lilit-hakobyan"],
        "image": {
            "caption": "A long line of overloaded cars and trucks winds down a mountain road towards the Armenian border.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A queue of vehicles with bags strapped to their roofs on a winding road",
        },
        "body": [
            (
                "paragraph",
                "Well over half of Nagorno-Karabakh’s Armenian population has now crossed into Armenia, according to figures released by the Armenian government, in an exodus that began within days of last week’s ceasefire. The only road out, through the Lachin corridor to the border village of Kornidzor, has been jammed since Sunday, with some families spending more than 30 hours in their cars.",
            ),
            (
                "paragraph",
                "In Goris, the first town on the Armenian side, the central square has become a registration point. Volunteers hand out bread, nappies and SIM cards while officials try to match arrivals with temporary housing elsewhere in the country. Many people arrive with little more than a suitcase and the family documents they managed to gather.",
            ),
            (
                "pull_quote",
                "“I locked the door and took the key. I don’t know why. There is nobody to give it to.”",
            ),
            (
                "quote",
                {
                    "text": "I locked the door and took the key. I don’t know why. There is nobody to give it to. My parents are buried in Martuni, and I did not have time to visit them before we left.",
                    "attribution": "Gayane, 58, a retired nurse from Martuni, in Goris",
                },
            ),
            (
                "paragraph",
                "The exodus was already under way when a fuel depot near Stepanakert exploded on Monday evening as people queued for petrol, killing well over a hundred and leaving many more with severe burns. Doctors in Yerevan said they were treating patients airlifted from Karabakh and asked for donors of blood and skin grafts.",
            ),
            (
                "paragraph",
                "On Thursday the head of the de facto government signed a decree under which all of the region’s institutions will be dissolved by 1 January 2024. For many of the people waiting in Goris, the announcement confirmed what they had already decided: they do not expect to go back.",
            ),
        ],
    },
    {
        "slug": "karabakh-armenians-one-year-on",
        "title": "A year after the exodus, Karabakh Armenians struggle to put down roots in Armenia",
        "standfirst": "Most of the 100,000 people who fled in September 2023 are still renting, moving between towns and waiting on state housing support. Some have begun to build new lives; others say they are still living out of suitcases.",
        "published": "2024-09-19T09:00",
        "places": ["nagorno-karabakh", "azerbaijan", "armenia", "caucasus"],
        "topics": ["security"],
        "collections": [],
        "authors": ["lilit-hakobyan", "bakyt-osmonov"],
        "image": {
            "caption": "A family from Nagorno-Karabakh in the rented flat in Abovyan that has been their home since October 2023.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A small kitchen with a family at a table and boxes stacked against the wall",
        },
        "body": [
            (
                "paragraph",
                "Exactly a year after Azerbaijan’s offensive, the roughly 100,000 Armenians who left Nagorno-Karabakh are scattered across Armenia, with the largest numbers in Yerevan and the towns around it. Most rent small flats with the help of a monthly state allowance. Many say the cost of housing, and uncertainty about how long the support will last, weigh on them more than anything else.",
            ),
            ("heading", "Starting again at fifty"),
            (
                "paragraph",
                "Arman Petrosyan ran a car repair shop in Stepanakert for twenty years. He now works shifts at a warehouse near Yerevan airport and shares a two-room flat with his wife, their two sons and his mother. He has applied for a state housing certificate, which would help the family buy a home, but says he does not yet know which town they would choose.",
            ),
            (
                "quote",
                {
                    "text": "In Karabakh I knew every street and every customer. Here I am grateful, but I am a stranger. My sons have adapted faster than I have; they already talk like Yerevan boys.",
                    "attribution": "Arman Petrosyan, formerly of Stepanakert",
                },
            ),
            (
                "paragraph",
                "Aid groups say the first year exposed gaps in mental health care, particularly for children and older people, and in recognising professional qualifications. Teachers and doctors from Karabakh have had to navigate paperwork to work in Armenian institutions. Unemployment among the displaced remains well above the national average, according to a survey by a Yerevan-based charity.",
            ),
            ("pull_quote", "“Here I am grateful, but I am a stranger.”"),
            (
                "paragraph",
                "Questions of return are rarely raised in public. Peace talks between Yerevan and Baku have focused on the border between the two states, and the Karabakh Armenians interviewed for this article said they had little expectation that their own future would feature in any agreement.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Caucasus
    # ------------------------------------------------------------------
    {
        "slug": "georgia-passes-foreign-influence-law-amid-protests",
        "title": "Georgia’s parliament passes “foreign influence” law as protesters fill Tbilisi’s streets",
        "standfirst": "The bill, which critics compare to Russia’s foreign agents legislation, cleared its final reading after weeks of demonstrations. Opponents say it threatens Georgia’s path towards the European Union.",
        "published": "2024-05-14T23:30",
        "updated": "2024-05-15T10:15",
        "places": ["georgia", "caucasus", "eu", "eurasian-fringe"],
        "topics": ["politics"],
        "collections": [],
        "authors": ["nino-beridze"],
        "image": {
            "caption": "Protesters wave Georgian and European Union flags outside the parliament building on Rustaveli Avenue.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A large crowd with flags in front of a columned building at night",
        },
        "body": [
            (
                "paragraph",
                "Georgia’s parliament on Tuesday adopted a law requiring media outlets and non-governmental organisations that receive more than a fifth of their funding from abroad to register as bodies “pursuing the interests of a foreign power”. The vote took place as tens of thousands of people gathered outside the building on Rustaveli Avenue, as they have almost every night since the bill was reintroduced in April.",
            ),
            (
                "paragraph",
                "The governing party says the law will bring transparency to foreign funding. Critics, including most of Georgia’s independent media and civil society groups, say its language and purpose mirror legislation used in Russia to marginalise critical voices. The European Union has warned that the law is incompatible with the candidate status it granted Georgia in December 2023.",
            ),
            ("heading", "A young crowd"),
            (
                "paragraph",
                "The protests have been notable for the number of students and schoolchildren taking part. Many carried hand-painted placards in Georgian and English and spoke of the law as a choice between Europe and Russia. Police used water cannon and pepper spray on several nights, and rights groups have documented dozens of detentions.",
            ),
            (
                "quote",
                {
                    "text": "My parents remember 1989 and 2003. This is the first time my generation has felt that something we take for granted could be taken away in a single vote.",
                    "attribution": "Mariam, a 20-year-old law student at Tbilisi State University",
                },
            ),
            ("pull_quote", "“Something we take for granted could be taken away in a single vote.”"),
            (
                "paragraph",
                "Georgia’s president has said she will veto the bill, but the governing party has enough votes to override her. Opposition parties are already framing October’s parliamentary elections as a referendum on the law.",
            ),
        ],
    },
    {
        "slug": "svaneti-glaciers-retreat",
        "title": "In Svaneti, guides watch the glaciers they grew up with retreat up the valley",
        "standfirst": "The Chalaadi and Adishi glaciers above Mestia have lost hundreds of metres in a generation, changing rivers, trekking routes and the risks faced by mountain villages.",
        "published": "2021-08-12T08:00",
        "places": ["georgia", "caucasus"],
        "topics": ["environment"],
        "collections": [],
        "authors": ["farida-nazarova", "nino-beridze"],
        "image": {
            "caption": "The grey snout of a glacier above a rocky valley in Svaneti, with a trekker in the foreground.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A hiker looking up at a retreating glacier in a rocky mountain valley",
        },
        "body": [
            (
                "paragraph",
                "When Levan Gurchiani first led tourists to the Chalaadi glacier in the late 1990s, the ice reached almost to the footbridge where walkers now cross the river. Today it takes another half an hour of scrambling over loose rock to touch it. “Every summer I have to explain to visitors that the path on their map is wrong,” he says.",
            ),
            (
                "paragraph",
                "Georgia’s glaciers, most of them in the Greater Caucasus, have shrunk markedly since the middle of the last century. Researchers in Georgia estimate that total glacier area in the country has fallen by roughly a third since Soviet-era surveys, with the smaller glaciers at lower altitudes disappearing altogether.",
            ),
            ("heading", "New rivers, new risks"),
            (
                "paragraph",
                "The retreat brings more than changed scenery. Meltwater feeds the Enguri river, which powers one of the region’s largest hydroelectric plants. Scientists warn that as glaciers thin, debris flows and sudden floods from newly formed lakes become more likely, a risk that villages built on old river fans are poorly equipped to face.",
            ),
            (
                "quote",
                {
                    "text": "In the short term you get more water, which can look like good news. In the long term you lose the reservoir that keeps rivers flowing in late summer. And you get more unstable slopes in the meantime.",
                    "attribution": "Tamar Kvaratskhelia, a glaciologist who has surveyed Svaneti since 2010",
                },
            ),
            (
                "paragraph",
                "In Mestia, the local authorities have begun installing river gauges and siren systems in some villages. Guides like Gurchiani have started adding a new element to their tours: a short talk about what the mountains looked like when they were children.",
            ),
        ],
        "corrections": [
            (
                "2021-08-13",
                "An earlier version of this story described the Enguri hydroelectric plant as the largest in the South Caucasus. It is one of the largest in the region. This has been corrected.",
            ),
        ],
    },
    {
        "slug": "azerbaijan-eu-gas-deal-southern-gas-corridor",
        "title": "EU turns to Azerbaijan to double gas supplies through the Southern Gas Corridor",
        "standfirst": "A memorandum signed in Baku aims to lift Azerbaijani gas deliveries to Europe to at least 20 billion cubic metres a year by 2027. Analysts question whether the fields and pipelines can deliver.",
        "published": "2022-07-19T17:00",
        "places": ["azerbaijan", "caucasus", "eu", "turkey", "eurasian-fringe"],
        "topics": ["economy"],
        "collections": [],
        "authors": ["elif-demir"],
        "image": {
            "caption": "A gas pipeline crosses dry hills in western Azerbaijan on its way towards Georgia and Turkey.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A large pipeline running across brown hills under a pale sky",
        },
        "body": [
            (
                "paragraph",
                "The European Union and Azerbaijan on Monday signed a memorandum of understanding that sets a goal of doubling Azerbaijani gas exports to Europe within five years. The deal is part of Brussels’ effort to replace Russian supplies after the invasion of Ukraine, and it puts the Southern Gas Corridor, a chain of pipelines running through Georgia, Turkey, Greece, Albania and into Italy, at the centre of those plans.",
            ),
            (
                "paragraph",
                "Deliveries to Europe through the corridor began at the end of 2020 and reached just over eight billion cubic metres in 2021. Getting to 20 billion will require both more gas from the Caspian offshore fields and the expansion of the Trans-Adriatic Pipeline, whose operators have said capacity could be increased in stages if buyers commit to long-term contracts.",
            ),
            ("heading", "Questions over supply"),
            (
                "paragraph",
                "An energy economist in Baku, who asked not to be named because she advises state companies, said the target was achievable only if new production came online on schedule and domestic consumption was held down. Azerbaijan has already arranged swaps of Turkmen gas via Iran to help meet demand at home, a point critics of the deal have been quick to highlight.",
            ),
            (
                "pull_quote",
                "Getting to 20 billion will require both more gas from the Caspian and a bigger pipeline.",
            ),
            (
                "paragraph",
                "Human rights groups have criticised the EU for signing the agreement without conditions on political freedoms in Azerbaijan, where several journalists and activists are in prison. European officials say energy diversification and dialogue on other issues, including the peace process with Armenia, can proceed in parallel.",
            ),
        ],
    },
    {
        "slug": "russian-arrivals-reshape-yerevan-economy",
        "title": "Russians fleeing mobilisation bring money, and rising rents, to Yerevan",
        "standfirst": "Armenia’s capital has absorbed tens of thousands of Russians since the war in Ukraine began. Transfers from Russia have surged, but so have housing costs for locals.",
        "published": "2022-10-12T11:00",
        "places": ["armenia", "caucasus", "russia", "eastern-europe"],
        "topics": ["economy", "society"],
        "collections": [],
        "authors": ["lilit-hakobyan"],
        "image": {
            "caption": "A café in central Yerevan where Russian-speaking freelancers work on laptops.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "People working on laptops at tables in a busy café",
        },
        "body": [
            (
                "paragraph",
                "Since President Vladimir Putin announced a partial mobilisation on 21 September, queues at the Upper Lars crossing into Georgia and at Yerevan’s Zvartnots airport have swelled with Russian men of military age. They joined an earlier wave of IT workers, journalists and entrepreneurs who left Russia in the spring. Armenia, which allows Russians to enter with internal passports, has been one of the easiest places to go.",
            ),
            (
                "paragraph",
                "The economic effects are visible everywhere. Money transfers from Russia to Armenia have risen several-fold compared with last year, according to central bank figures, and the dram has strengthened against the dollar. Banks have opened thousands of new accounts, and coworking spaces report waiting lists.",
            ),
            ("heading", "Winners and losers"),
            (
                "paragraph",
                "Not everyone is benefiting. Rents in central Yerevan have roughly doubled in some districts, and students and young families say they are being priced out of neighbourhoods they grew up in. Exporters, meanwhile, complain that the strong dram makes their goods less competitive.",
            ),
            (
                "quote",
                {
                    "text": "My landlord gave me two weeks to agree to a new price or leave. He said a programmer from Moscow would pay it without asking.",
                    "attribution": "Ani Sargsyan, a graduate student renting in the Kentron district",
                },
            ),
            (
                "paragraph",
                "Economists in Yerevan caution that the boom depends on people who may not stay. If the newcomers move on, one analyst warned, Armenia could be left with high prices and an economy tilted towards services that serve a temporary population.",
            ),
        ],
    },
    {
        "slug": "iran-armenia-border-trade-meghri",
        "title": "At the Meghri crossing, Armenia’s short border with Iran carries outsized hopes",
        "standfirst": "Truck traffic through Armenia’s only crossing with Iran is growing, and both governments talk of a north–south trade route. Drivers say the mountain roads are not ready.",
        "published": "2024-03-19T12:30",
        "places": ["armenia", "caucasus", "iran", "eurasian-fringe"],
        "topics": ["economy"],
        "collections": [],
        "authors": ["lilit-hakobyan", "elif-demir"],
        "image": {
            "caption": "Iranian trucks wait at the border crossing near Agarak, with the Aras river and steep mountains behind.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Lorries parked in a row beside a river in a narrow mountain valley",
        },
        "body": [
            (
                "paragraph",
                "Armenia’s border with Iran is only about 40 kilometres long, squeezed between Azerbaijan’s Nakhchivan exclave and the rest of Azerbaijan. Yet the crossing at Agarak, near the town of Meghri, handles a growing share of Armenia’s trade, as Iranian fruit, building materials and fuel head north and Armenian goods travel south to the Gulf.",
            ),
            (
                "paragraph",
                "Officials on both sides describe the route as part of a corridor linking the Persian Gulf to the Black Sea via Georgia. For Armenia, which has closed borders with Azerbaijan and Turkey, it is one of only two land routes to the outside world. For Iran, under heavy Western sanctions, it is a modest but useful outlet to markets in the Caucasus and the Eurasian Economic Union.",
            ),
            (
                "quote",
                {
                    "text": "From here to Yerevan is a full day in winter if the passes are open. Two trucks cannot pass each other on some of the bends. Everybody talks about a corridor, but the corridor is this road.",
                    "attribution": "Hossein, an Iranian truck driver from Tabriz",
                },
            ),
            (
                "paragraph",
                "Armenia is rebuilding sections of the north–south highway with loans from international lenders, but the hardest stretches, over the Tashtun and Sisian passes, are years from completion. Until then, the border’s strategic importance may outpace its practical capacity.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Conflict zones
    # ------------------------------------------------------------------
    {
        "slug": "abkhazia-protesters-storm-parliament-over-russian-investment-deal",
        "title": "Protesters storm Abkhazia’s parliament over investment deal with Russia",
        "standfirst": "Opponents of an agreement that would let Russian investors buy property in the breakaway region forced their way into the legislature in Sukhumi. The de facto leadership says the deal will be withdrawn.",
        "published": "2024-11-16T09:00",
        "updated": "2024-11-19T18:40",
        "places": ["abkhazia", "conflict-zones", "georgia", "caucasus", "russia", "eastern-europe"],
        "topics": ["politics"],
        "collections": [],
        "authors": ["nino-beridze"],
        "image": {
            "caption": "A crowd gathers in front of the parliament building in Sukhumi, its gates forced open.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A crowd outside a government building with a broken metal gate",
        },
        "body": [
            (
                "paragraph",
                "Hundreds of protesters broke through the gates of the parliament in Sukhumi on Friday and occupied parts of the building, in the most serious political crisis in Abkhazia in a decade. They were demanding the withdrawal of an investment agreement with Russia that would allow Russian companies to buy real estate and take part in large building projects on the Black Sea coast.",
            ),
            (
                "paragraph",
                "Abkhazia, which broke away from Georgia in a war in the early 1990s, depends on Moscow for most of its budget and is recognised as independent by Russia and a handful of other states. But land ownership by outsiders has long been a red line for many Abkhaz, who fear that wealthy buyers would change the character, and the demographics, of the territory.",
            ),
            (
                "quote",
                {
                    "text": "We are not against Russia. We are against selling our coast to people who will never live here. After that, what is left of Abkhazia?",
                    "attribution": "Astamur, a 34-year-old teacher who joined the protest",
                },
            ),
            (
                "paragraph",
                "On Tuesday the region’s de facto leader announced his resignation, a key demand of the protesters, and early elections are expected. Georgia’s government described the events as an internal matter of the occupied territory and repeated its call for Russian troops to leave.",
            ),
        ],
    },
    {
        "slug": "abkhazia-blackouts-crypto-mining",
        "title": "Abkhazia’s winter blackouts revive anger at illegal cryptocurrency farms",
        "standfirst": "Rolling power cuts have left Sukhumi in darkness for hours at a time. Officials blame low water at the Enguri dam and the thousands of mining rigs hidden in garages and sheds.",
        "published": "2023-01-18T19:00",
        "places": ["abkhazia", "conflict-zones", "caucasus"],
        "topics": ["environment", "economy"],
        "collections": [],
        "authors": ["nino-beridze", "farida-nazarova"],
        "image": {
            "caption": "A Sukhumi street lit only by car headlights during a scheduled power cut.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A dark street at night with a few cars and unlit buildings",
        },
        "body": [
            (
                "paragraph",
                "For the third winter running, residents of Abkhazia are living with scheduled blackouts that cut electricity for up to eight hours a day. Households have bought generators and kerosene lamps, and small businesses in Sukhumi open and close according to the published timetable of outages.",
            ),
            (
                "paragraph",
                "The territory gets nearly all of its power from the Enguri hydroelectric complex, whose dam stands on Georgian-controlled land and whose power station lies in Abkhazia. Under a long-standing arrangement the two sides share its output. In winter, when water levels fall, the share is rarely enough, and Abkhazia has had to import electricity from Russia.",
            ),
            ("heading", "Miners in the shadows"),
            (
                "paragraph",
                "Electricity in Abkhazia is heavily subsidised, and that has made the territory attractive to cryptocurrency miners. Mining was banned several years ago, but local energy officials say rigs are still running in private homes and abandoned Soviet-era buildings. Police raids periodically seize equipment, which often reappears within weeks.",
            ),
            (
                "quote",
                {
                    "text": "Everyone knows a neighbour whose garage is warm all winter. People are angry, but many also see it as the only way to earn real money here.",
                    "attribution": "Inal, an electrician in Gudauta",
                },
            ),
            (
                "paragraph",
                "Energy specialists say the long-term answer lies in cutting losses in the ageing grid and charging for electricity closer to its true cost, a politically difficult step in a territory where wages are low and trust in the authorities is thin.",
            ),
        ],
    },
    {
        "slug": "south-ossetia-borderisation-villagers-cut-off",
        "title": "Along South Ossetia’s creeping boundary, Georgian farmers lose their orchards one fence at a time",
        "standfirst": "Green signs and barbed wire have moved the de facto line deeper into farmland near Gori. Villagers who stray across risk days in detention.",
        "published": "2021-06-22T10:00",
        "places": ["south-ossetia", "conflict-zones", "georgia", "caucasus"],
        "topics": ["security", "society"],
        "collections": [],
        "authors": ["nino-beridze", "bakyt-osmonov"],
        "image": {
            "caption": "A barbed-wire fence runs between apple orchards on the edge of a village near the South Ossetian boundary line.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A wire fence cutting across an orchard with a village behind it",
        },
        "body": [
            (
                "paragraph",
                "Zaza Tedoradze’s apple trees are about 200 metres from his back door. Since a fence went up across his land three summers ago, he has not been able to reach them. “The fruit falls and rots,” he says, pointing towards a row of trees behind the wire. “I watch it from my kitchen window.”",
            ),
            (
                "paragraph",
                "Since the 2008 war, Russian border guards and South Ossetian forces have steadily marked the administrative boundary line with fences, trenches and signs, a process Georgians call “borderisation”. In places the line has shifted into territory that Tbilisi and international monitors consider Georgian-controlled, cutting villages off from fields, pastures, cemeteries and water.",
            ),
            ("pull_quote", "“The fruit falls and rots. I watch it from my kitchen window.”"),
            (
                "paragraph",
                "Detentions for “illegal border crossing” are common. Villagers are usually released after paying a fine, but some have been held for weeks. Observers from the EU Monitoring Mission patrol the Georgian side of the line and run a hotline that both sides can use to resolve incidents, though they have no access to South Ossetia itself.",
            ),
            (
                "paragraph",
                "For the people of Khurvaleti, Ditsi and dozens of other villages, the conflict is no longer about shelling but about uncertainty. Few young people stay, and older residents say they plant less every year because they cannot be sure the land will still be theirs at harvest.",
            ),
        ],
    },
    {
        "slug": "landmines-slow-return-to-karabakh-districts",
        "title": "Landmines slow Azerbaijan’s plans to resettle districts around Karabakh",
        "standfirst": "Thousands of hectares remain contaminated decades after the first war. Deminers say clearing them will take years, and casualties among returning residents and workers continue.",
        "published": "2025-04-08T10:30",
        "places": ["nagorno-karabakh", "azerbaijan", "conflict-zones", "caucasus"],
        "topics": ["security"],
        "collections": [],
        "authors": ["elif-demir", "nino-beridze"],
        "image": {
            "caption": "A deminer in protective gear sweeps a field marked with red warning signs in the Aghdam district.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A person with a metal detector in a field with red triangular warning signs",
        },
        "body": [
            (
                "paragraph",
                "Azerbaijan is building new towns in the districts it regained in 2020 and 2023, with apartment blocks, schools and roads rising in places such as Aghdam and Fuzuli that stood in ruins for nearly thirty years. But across much of the surrounding countryside, the first task is not construction. It is clearing mines.",
            ),
            (
                "paragraph",
                "Azerbaijan’s mine action agency and international partners have cleared large areas since 2020, yet officials acknowledge that much more land remains contaminated, the legacy of two wars and decades of fortified front lines. Mine incidents have killed or injured hundreds of people since the end of the 2020 war, many of them civilians and construction workers.",
            ),
            (
                "quote",
                {
                    "text": "We find mines laid in the nineties next to ones laid last year. There are no reliable maps for most of it. Every field is a question.",
                    "attribution": "Rashad, a team leader with a demining crew in the Aghdam district",
                },
            ),
            (
                "paragraph",
                "Families returning to their former villages describe a mixed homecoming: new houses, but fields they cannot yet farm and children who must be taught to stay on marked paths. Demining specialists say the pace of resettlement should follow clearance, not the other way round.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Central Asia: Kazakhstan's Bloody January (2022)
    # ------------------------------------------------------------------
    {
        "slug": "zhanaozen-fuel-price-protests-spread",
        "title": "Fuel price protests spread from Zhanaozen across western Kazakhstan",
        "standfirst": "A sudden doubling of the price of liquefied gas has brought thousands onto the streets of Mangystau region. The government has set up a commission to look at prices, but the crowds are growing.",
        "published": "2022-01-03T22:00",
        "updated": "2022-01-04T08:30",
        "places": ["kazakhstan", "central-asia"],
        "topics": ["politics"],
        "collections": ["kazakhstans-bloody-january-2022"],
        "authors": ["aigerim-sadykova"],
        "image": {
            "caption": "Protesters gather on the main square of Zhanaozen on a cold January evening.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A crowd in winter coats on a town square at dusk",
        },
        "body": [
            (
                "paragraph",
                "Protests that began on Sunday in the oil town of Zhanaozen spread on Monday to Aktau, the regional capital of Mangystau, and to several other towns in western Kazakhstan. Demonstrators are demanding that the government reverse the New Year rise in the price of liquefied petroleum gas, which most cars in the region run on and which roughly doubled at the pumps when price controls were lifted.",
            ),
            (
                "paragraph",
                "Zhanaozen carries a heavy memory. In December 2011, police opened fire on striking oil workers there, killing at least 14 people. Residents say the grievances of that time, over wages, jobs and the sense that the region’s oil wealth flows elsewhere, have never been resolved.",
            ),
            (
                "quote",
                {
                    "text": "We live on top of the oil and gas, and we pay more for fuel than people in the capital. It is not only about the price. It is about being ignored for years.",
                    "attribution": "Nurlan, a driver in Zhanaozen, by phone",
                },
            ),
            (
                "paragraph",
                "The government said on Monday it had formed a commission to review the price and promised that fuel would be affordable. By late evening, however, the crowd in Aktau had swelled to several thousand, and videos shared online showed smaller solidarity gatherings in Atyrau and Uralsk. Protesters were increasingly voicing political demands alongside economic ones.",
            ),
        ],
    },
    {
        "slug": "almaty-after-the-violence",
        "title": "Almaty counts its losses after the most violent week in Kazakhstan’s independent history",
        "standfirst": "Burned government buildings, shuttered shops and thousands of detentions: the city is slowly reopening after days of unrest and a foreign military deployment. Families are still searching for the missing.",
        "published": "2022-01-10T14:00",
        "updated": "2022-01-11T12:20",
        "places": ["kazakhstan", "central-asia", "russia", "eastern-europe"],
        "topics": ["politics", "security"],
        "collections": ["kazakhstans-bloody-january-2022"],
        "authors": ["aigerim-sadykova", "bakyt-osmonov"],
        "image": {
            "caption": "The blackened facade of Almaty’s city administration building days after it was set on fire.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A large building with smoke-stained windows and a fence in front",
        },
        "body": [
            (
                "paragraph",
                "Almaty observed a day of national mourning on Monday as the internet returned in parts of the city and people ventured out to see the damage. The city administration building, set on fire on 5 January, stands scorched on Republic Square. Cash machines are still empty in many districts, and queues form outside the few supermarkets that have reopened.",
            ),
            (
                "paragraph",
                "What began as a protest over fuel prices in the west of the country turned into nationwide unrest, followed by days of armed clashes in Almaty whose course remains unclear. Troops from the Russian-led Collective Security Treaty Organization arrived at the government’s request and guarded strategic sites. Officials say nearly 8,000 people have been detained across the country; the authorities have given conflicting figures for the number of dead.",
            ),
            ("heading", "Searching the morgues"),
            (
                "paragraph",
                "Outside the city’s main forensic centre, relatives wait for news of men who left home during the unrest and did not return. Some say their sons were simply walking home when the shooting started. Lawyers report that many detainees have not been allowed to see a lawyer, and rights groups have begun collecting accounts of beatings in custody.",
            ),
            (
                "quote",
                {
                    "text": "He went out to buy bread on the sixth. Since then nobody will tell us if he is in a cell or in the morgue. We have been to every police station in the district.",
                    "attribution": "Saule, whose 23-year-old son has been missing since 6 January",
                },
            ),
            ("pull_quote", "“He went out to buy bread on the sixth.”"),
            (
                "paragraph",
                'The government describes the events as an attempted coup by “terrorists” trained abroad; independent observers have so far seen little public evidence for that account, and several senior security officials have been arrested. Read more in our <a href="/regions/central-asia/">Central Asia</a> coverage.',
            ),
        ],
        "corrections": [
            (
                "2022-01-11",
                "An earlier version of this story said the Almaty city administration building was set on fire on 6 January. It was set on fire on 5 January. This has been corrected.",
            ),
        ],
    },
    {
        "slug": "kazakhstan-bloody-january-families-one-year-on",
        "title": "A year after Bloody January, Kazakh families are still waiting for answers",
        "standfirst": "The official death toll stands at 238. Relatives of the dead and people who say they were tortured in detention want accountability, not amnesty.",
        "published": "2023-01-05T10:00",
        "places": ["kazakhstan", "central-asia"],
        "topics": ["politics", "society"],
        "collections": ["kazakhstans-bloody-january-2022"],
        "authors": ["aigerim-sadykova"],
        "image": {
            "caption": "Flowers and candles laid at a makeshift memorial in Almaty on the anniversary of the January 2022 unrest.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Red carnations and candles on snowy ground in front of a wall",
        },
        "body": [
            (
                "paragraph",
                "Twelve months after the unrest that Kazakhs now call Qandy Qantar, or Bloody January, the authorities put the number of dead at 238, including members of the security forces. Prosecutors say hundreds of criminal cases have been opened, most of them against protesters accused of rioting or theft, and a smaller number against officers accused of abuse.",
            ),
            (
                "paragraph",
                "For relatives of those killed, the pace and direction of the investigations have been a source of bitterness. Several families told Borderland Ledger that they still had not been shown forensic reports, and that investigators had suggested their relatives were looters rather than bystanders.",
            ),
            (
                "quote",
                {
                    "text": "They offered us compensation and said it would be better to stay quiet. I do not need money. I need someone to say in court who fired at my brother.",
                    "attribution": "Erlan, whose brother was killed in Almaty on 6 January 2022",
                },
            ),
            (
                "paragraph",
                "Political changes have followed: a constitutional referendum, an early presidential election and promises of a “New Kazakhstan”. But human rights lawyers in Almaty say that without a credible accounting for the deaths, and for the torture that many detainees describe, the reforms will struggle to win public trust.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Central Asia: Kyrgyzstan's October 2020 unrest
    # ------------------------------------------------------------------
    {
        "slug": "kyrgyzstan-election-results-annulled-after-protests",
        "title": "Kyrgyzstan annuls parliamentary election results after night of protests in Bishkek",
        "standfirst": "Protesters seized the seat of government and freed jailed politicians after a vote marred by allegations of mass vote-buying. The country’s third upheaval since 2005 is under way.",
        "published": "2020-10-06T15:00",
        "places": ["kyrgyzstan", "central-asia"],
        "topics": ["politics"],
        "collections": ["kyrgyzstan-2020-unrest"],
        "authors": ["timur-rakhimov"],
        "image": {
            "caption": "Smoke drifts across Ala-Too Square in Bishkek on the morning after protesters entered the White House.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A wide square with a large white government building and a haze of smoke",
        },
        "body": [
            (
                "paragraph",
                "Kyrgyzstan’s Central Election Commission on Tuesday declared the results of Sunday’s parliamentary election invalid, hours after protesters stormed the White House, which houses the presidential administration and parliament. Only four of sixteen parties had cleared the threshold, two of them closely associated with the government, and opposition groups accused them of buying votes on a huge scale.",
            ),
            (
                "paragraph",
                "Monday’s rally on Ala-Too Square began peacefully, but clashes with police broke out in the evening. Health officials said one person had been killed and hundreds injured. By dawn, protesters had taken control of the White House and released several prominent politicians from detention, including a former president.",
            ),
            ("heading", "Who is in charge?"),
            (
                "paragraph",
                "By Tuesday afternoon it was not clear who was running the country. Rival opposition groups each announced their own candidates for prime minister, and parliament met in a hotel to debate the crisis. The president has appealed for calm in written statements but has not appeared in public, and his own position looks increasingly uncertain.",
            ),
            (
                "quote",
                {
                    "text": "People did not come out because they love one party or another. They came out because their votes were bought and sold in front of them.",
                    "attribution": "Aida Kasymova, a political scientist in Bishkek",
                },
            ),
            (
                "paragraph",
                "Kyrgyzstan has overthrown presidents twice before, in 2005 and 2010. Analysts say the speed of this week’s collapse reflects how weak the country’s institutions remain, and how quickly street power can fill the gap.",
            ),
        ],
    },
    {
        "slug": "bishkek-residents-form-night-patrols",
        "title": "As police vanish from the streets, Bishkek residents form their own night patrols",
        "standfirst": "After a night of looting, volunteers with armbands and walkie-talkies guard shops, banks and apartment blocks across the capital.",
        "published": "2020-10-08T21:15",
        "places": ["kyrgyzstan", "central-asia"],
        "topics": ["society", "politics"],
        "collections": ["kyrgyzstan-2020-unrest"],
        "authors": ["timur-rakhimov", "bakyt-osmonov"],
        "image": {
            "caption": "Volunteers wearing white armbands stand guard outside a shopping centre in Bishkek at night.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A group of young people with armbands standing in front of a lit shop front at night",
        },
        "body": [
            (
                "paragraph",
                "When looters smashed the windows of shops and a shopping centre in central Bishkek on Tuesday night, many residents decided they could not wait for the police to return. By Wednesday evening, groups of volunteers were gathering at street corners across the city, dividing up neighbourhoods and sharing phone numbers in messaging groups.",
            ),
            (
                "paragraph",
                "The patrols, known by the old Soviet word <i>druzhina</i>, include students, taxi drivers, office workers and sportsmen from local wrestling clubs. Some wear reflective vests; most carry nothing more than a torch and a phone. Organisers say their task is to report trouble and deter looters, not to fight.",
            ),
            (
                "quote",
                {
                    "text": "I have no party. I just do not want my mother’s pharmacy to be burned. We stand here until morning, then I go to sleep and come back.",
                    "attribution": "Bekzat, 27, a volunteer in the Asanbai district",
                },
            ),
            (
                "pull_quote",
                "“I have no party. I just do not want my mother’s pharmacy to be burned.”",
            ),
            (
                "image",
                {
                    "caption": "A volunteer checks a list of patrol shifts by torchlight near a Bishkek market.",
                    "credit": "Photo: Bakyt Osmonov",
                    "alt": "A young man reading a handwritten list by the light of his phone",
                },
            ),
            (
                "paragraph",
                "Shop owners have brought tea and food to the volunteers, and some cafés have stayed open through the night to serve them. For many in the city, the patrols have become a rare sign of order at a time when the question of who holds power remains unanswered.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Central Asia: environment, economy, politics
    # ------------------------------------------------------------------
    {
        "slug": "bishkek-winter-smog",
        "title": "Bishkek chokes on winter smog as coal stoves and traffic fill the valley",
        "standfirst": "For weeks each winter the Kyrgyz capital ranks among the most polluted cities in the world. Residents of the outlying districts, who burn coal to keep warm, say they have no alternative.",
        "published": "2023-12-12T09:30",
        "updated": "2023-12-13T16:00",
        "places": ["kyrgyzstan", "central-asia"],
        "topics": ["environment"],
        "collections": [],
        "authors": ["farida-nazarova", "bakyt-osmonov"],
        "image": {
            "caption": "A grey haze hangs over Bishkek’s rooftops, hiding the snow-covered Ala-Too range behind the city.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A city skyline blurred by thick grey smog with faint mountains behind",
        },
        "body": [
            (
                "paragraph",
                "On clear days, the peaks of the Kyrgyz Ala-Too rise like a wall above Bishkek. On many December mornings they vanish entirely behind a brown-grey layer of smog that settles over the city as temperatures drop. Independent air-quality monitors regularly record concentrations of fine particulate matter many times above the World Health Organization’s guideline.",
            ),
            (
                "paragraph",
                "The sources are well known. Tens of thousands of private houses in the <i>novostroiki</i>, the settlements that have grown up around the capital since the 1990s, are heated with coal and sometimes with rubbish. The city’s ageing combined heat and power plant also burns coal, and the number of cars, many of them old and poorly maintained, has grown rapidly.",
            ),
            ("heading", "A choice between cold and smoke"),
            (
                "quote",
                {
                    "text": "Of course I know the smoke is bad for my children. But gas is not connected on our street, and electric heaters would cost more than my husband earns. What else can we burn?",
                    "attribution": "Gulnara Toktosunova, a mother of three in the Ak-Orgo district",
                },
            ),
            (
                "paragraph",
                "Doctors in Bishkek report more children with respiratory illnesses in winter. City authorities have promised to extend gas connections, subsidise cleaner stoves and move public transport onto electric buses, but residents say progress is slow compared with the scale of the problem. Environmental groups are calling for a public health warning system, so that families at least know when to keep children indoors.",
            ),
            ("pull_quote", "“Gas is not connected on our street. What else can we burn?”"),
        ],
    },
    {
        "slug": "north-aral-sea-fishermen-return",
        "title": "On the northern Aral Sea, fishermen return to waters that were given up for lost",
        "standfirst": "A dam built in 2005 has raised the level of the Small Aral and brought fish back to Aralsk. The southern basin, shared with Uzbekistan, tells a different story.",
        "published": "2019-06-18T07:45",
        "places": ["kazakhstan", "uzbekistan", "central-asia"],
        "topics": ["environment", "economy"],
        "collections": [],
        "authors": ["farida-nazarova"],
        "image": {
            "caption": "Rusting Soviet-era fishing boats lie on the dry seabed near Aralsk, far from today’s shoreline.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Old rusty boats stranded on sand under a wide sky",
        },
        "body": [
            (
                "paragraph",
                "For decades, Aralsk was a port without a sea. As Soviet planners diverted the Amu Darya and Syr Darya rivers to irrigate cotton, the Aral Sea shrank into separate basins, and the water retreated tens of kilometres from the town’s harbour. The fish canneries closed, and the rusting hulls of trawlers became a symbol of one of the world’s worst man-made environmental disasters.",
            ),
            (
                "paragraph",
                "The Kokaral dam, completed in 2005 with World Bank support, changed that for the northern part of the sea. By holding back the water of the Syr Darya, it has raised the level of the so-called Small Aral and reduced its salinity, allowing native species such as pike-perch and carp to return. Catches have grown steadily, and some of the fish is now exported.",
            ),
            (
                "quote",
                {
                    "text": "My father said I would never fish here. Now my son goes out with me every spring. The sea has not come back to the harbour, but it has come back to us.",
                    "attribution": "Serik Abdrakhmanov, a fisherman in Aralsk",
                },
            ),
            (
                "paragraph",
                "The southern basin is another story. Shared between Kazakhstan and Uzbekistan, the Large Aral has continued to dry, and its eastern lobe disappears almost completely in dry years. Dust storms from the exposed seabed carry salt and agricultural chemicals into Karakalpakstan, where doctors report high rates of respiratory disease. Uzbekistan has planted saxaul shrubs across parts of the dry bed to hold the soil.",
            ),
        ],
        "corrections": [
            (
                "2019-06-20",
                "An earlier version of this story said the Kokaral dam was completed in 2008. It was completed in 2005. This has been corrected.",
            ),
        ],
    },
    {
        "slug": "kyrgyz-tajik-border-clash-over-water",
        "title": "Dozens killed as dispute over a water intake escalates into Kyrgyz–Tajik border fighting",
        "standfirst": "A quarrel over surveillance cameras at a canal head near the Tajik enclave of Vorukh turned into two days of clashes. Thousands of villagers have been evacuated from Batken region.",
        "published": "2021-04-30T14:00",
        "updated": "2021-05-01T11:30",
        "places": ["kyrgyzstan", "tajikistan", "central-asia"],
        "topics": ["security", "environment"],
        "collections": [],
        "authors": ["timur-rakhimov", "farida-nazarova"],
        "image": {
            "caption": "An irrigation canal runs through dry foothills in the Ferghana Valley borderlands near Batken.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A concrete water channel crossing brown hills with a village in the distance",
        },
        "body": [
            (
                "paragraph",
                "A dispute that began on Wednesday at a water distribution point on the Isfara river, on the ill-defined border between Kyrgyzstan and Tajikistan, escalated into the most serious fighting between the two countries since independence. Both sides accused the other of using heavy weapons. Officials reported dozens of people killed on the two sides, many of them civilians, and homes, shops and a border post were burned.",
            ),
            (
                "paragraph",
                "A ceasefire agreed on Thursday evening appeared largely to be holding on Friday, but tension remained high. Kyrgyz authorities said tens of thousands of people had been moved out of villages in Batken region, and buses carrying evacuees were still arriving in the regional centre.",
            ),
            ("heading", "Water and a border never drawn"),
            (
                "paragraph",
                "Long stretches of the roughly 970-kilometre border between the two countries have never been agreed. In the patchwork of villages around Vorukh, a Tajik enclave inside Kyrgyz territory, roads, pastures and canals cross back and forth between jurisdictions. Every spring, as farmers prepare to irrigate, arguments over who controls the water flare up.",
            ),
            (
                "quote",
                {
                    "text": "Our grandfathers shared this water and married each other’s daughters. Now our children grow up thinking the village across the canal is the enemy.",
                    "attribution": "Abdimalik, an elderly resident of Kok-Tash evacuated to Batken",
                },
            ),
            (
                "paragraph",
                "Analysts say that without a full demarcation and a water-sharing arrangement that both sides trust, the region will remain one incident away from violence. Local elders and aid groups have tried for years to run joint irrigation committees and cross-border markets, but those efforts have repeatedly been undone by clashes, road closures and the mutual suspicion that each new incident leaves behind.",
            ),
        ],
    },
    {
        "slug": "tajik-migrants-remittances-after-sanctions",
        "title": "Tajik families ride the ruble’s rollercoaster as sanctions reshape migrant earnings",
        "standfirst": "When the ruble crashed in March, Tajikistan braced for a collapse in remittances. Three months later, the currency’s rebound has confounded forecasts, at least for now.",
        "published": "2022-06-15T08:00",
        "places": ["tajikistan", "central-asia", "russia", "eastern-europe"],
        "topics": ["economy"],
        "collections": [],
        "authors": ["farida-nazarova", "timur-rakhimov"],
        "image": {
            "caption": "A money transfer office on a Dushanbe street, with exchange rates posted in the window.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A small shopfront with a board showing currency exchange rates",
        },
        "body": [
            (
                "paragraph",
                "Few countries depend as heavily on money sent home by migrants as Tajikistan. In recent years transfers from workers abroad, the great majority of them in Russia, have been worth about a third of the country’s economic output. So when Western sanctions sent the ruble tumbling after the invasion of Ukraine, economists in Dushanbe warned of a sharp fall in household incomes.",
            ),
            (
                "paragraph",
                "The collapse proved short-lived. Capital controls and high energy export revenues have pushed the ruble back to levels not seen in years, and migrants say the dollar value of their wages has risen. Money transfer offices in Dushanbe report long queues again.",
            ),
            (
                "quote",
                {
                    "text": "In March I did not send anything for a month because the rate was terrible. Now it is better than before the war. But nobody believes it will last, so everyone sends as much as they can, as fast as they can.",
                    "attribution": "Jamshed, 31, a construction worker in Moscow from the Khatlon region",
                },
            ),
            (
                "paragraph",
                "Economists caution that the longer-term picture is less encouraging. Sanctions are expected to push Russia into recession, which would mean fewer jobs on the building sites and in the warehouses where many Tajiks work. Some migrants have begun looking for work in Kazakhstan, Turkey and the Gulf instead.",
            ),
        ],
    },
    {
        "slug": "turkmenistan-methane-plumes-satellites",
        "title": "Satellites keep spotting huge methane plumes over Turkmenistan’s gas fields",
        "standfirst": "Analysts say leaks from ageing pipelines and compressor stations make the country one of the world’s biggest sources of the potent greenhouse gas. Ashgabat rarely comments.",
        "published": "2023-05-23T12:00",
        "places": ["turkmenistan", "central-asia"],
        "topics": ["environment", "economy"],
        "collections": [],
        "authors": ["farida-nazarova"],
        "image": {
            "caption": "A stylised satellite view of a desert gas field with a plume of methane drawn in orange.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A map-like view of desert with an orange cloud shape over pipelines",
        },
        "body": [
            (
                "paragraph",
                "Turkmenistan holds some of the largest natural gas reserves in the world, and in recent years it has also become known for something it would rather not advertise. Companies and researchers analysing satellite data have repeatedly identified plumes of methane over its western gas fields and along its pipeline network, some of them among the largest detected anywhere.",
            ),
            (
                "paragraph",
                "Methane traps far more heat than carbon dioxide over the short term, and cutting leaks from oil and gas infrastructure is considered one of the cheapest ways to slow global warming. Much of the leaked gas in Turkmenistan appears to come from old Soviet-era equipment and from deliberate venting during maintenance.",
            ),
            (
                "quote",
                {
                    "text": "The frustrating thing is that most of these leaks could be fixed with known technology and would pay for themselves, because the gas could be sold instead of lost.",
                    "attribution": "Dilnoza Yuldasheva, an energy analyst who follows Central Asian gas markets",
                },
            ),
            (
                "paragraph",
                "Turkmenistan’s government, which tightly controls information, has said little about the findings, and independent verification on the ground is all but impossible. Environmental groups say international buyers of Turkmen gas, including China, could use their leverage to demand monitoring and repairs as a condition of new supply deals.",
            ),
        ],
    },
    {
        "slug": "karakalpakstan-protests-nukus",
        "title": "Deadly unrest in Nukus forces Uzbekistan to drop plan to curb Karakalpakstan’s autonomy",
        "standfirst": "Protests against draft constitutional changes ended in clashes and a month-long state of emergency in the autonomous republic. Internet access remains cut.",
        "published": "2022-07-04T16:20",
        "updated": "2022-07-05T10:00",
        "places": ["uzbekistan", "central-asia"],
        "topics": ["politics", "security"],
        "collections": [],
        "authors": ["timur-rakhimov"],
        "image": {
            "caption": "A deserted avenue in Nukus with military vehicles parked at an intersection.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "An empty wide street with armoured vehicles in the distance",
        },
        "body": [
            (
                "paragraph",
                "Uzbek authorities have abandoned proposed constitutional amendments that would have removed Karakalpakstan’s formal status as a sovereign republic within Uzbekistan, including its right to hold a referendum on secession. The reversal came after protests in Nukus, the region’s capital, on Friday ended in violent clashes with security forces.",
            ),
            (
                "paragraph",
                "Officials say at least 18 people were killed and more than 240 injured, and that more than 500 were detained. A state of emergency has been declared for a month, and mobile internet in the region has been largely shut down, making it difficult to verify accounts of what happened.",
            ),
            ("heading", "A little-known republic"),
            (
                "paragraph",
                "Karakalpakstan covers more than a third of Uzbekistan’s territory but is home to fewer than two million people. It includes much of the dried-out Aral Sea basin, and many residents feel that they have borne the costs of environmental catastrophe while being left out of the country’s recent economic growth.",
            ),
            (
                "quote",
                {
                    "text": "People here were never told the constitution would change. They found out from the internet, and they felt that the one thing that made them different was being taken away.",
                    "attribution": "A Karakalpak journalist who asked not to be named for safety reasons",
                },
            ),
            (
                "paragraph",
                "Rights groups have called for an independent investigation into the use of force. Uzbekistan’s government says the violence was provoked by a group seeking to seize government buildings, and that security forces acted to protect lives. Relatives of detainees in Nukus say they have not been told where their family members are being held, or what charges they face.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Society: the pandemic, diplomats, students
    # ------------------------------------------------------------------
    {
        "slug": "kyrgyzstan-covid-volunteers-fill-gaps",
        "title": "With hospitals full, volunteers drive Bishkek’s fight against the coronavirus",
        "standfirst": "A July surge in pneumonia cases has overwhelmed Kyrgyzstan’s health system. Businesses, students and doctors on their days off are delivering oxygen, medicine and meals.",
        "published": "2020-07-14T18:30",
        "places": ["kyrgyzstan", "central-asia"],
        "topics": ["society"],
        "collections": ["coronavirus"],
        "authors": ["timur-rakhimov"],
        "image": {
            "caption": "Volunteers unload oxygen concentrators outside a day hospital set up in a Bishkek school.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "People in masks carrying boxes from a van into a school building",
        },
        "body": [
            (
                "paragraph",
                "In the first weeks of July, Bishkek’s hospitals ran out of beds. Ambulance crews reported waits of many hours, and families queued outside pharmacies for antibiotics and painkillers that had sold out across the city. Alongside confirmed coronavirus cases, the health ministry has been publishing a separate count for “community-acquired pneumonia”, which doctors say in most cases is the same disease without a test.",
            ),
            (
                "paragraph",
                "Into the gap have stepped hundreds of volunteers. Restaurant owners cook meals for medical staff; students run hotlines that match patients with doctors willing to consult by phone; taxi drivers ferry oxygen concentrators between homes. Day hospitals have opened in schools and sports halls, staffed partly by medical students.",
            ),
            (
                "quote",
                {
                    "text": "The state was not ready, that is obvious. But people here remember 2005 and 2010. When something collapses, we know how to organise ourselves.",
                    "attribution": "Meerim Zhunusova, a coordinator of a volunteer medical hotline",
                },
            ),
            (
                "paragraph",
                "Doctors warn that volunteers cannot replace a functioning health system, and that burnout among medical staff is growing. Several doctors have died after contracting the virus. Kyrgyzstan has asked international partners for ventilators, tests and protective equipment.",
            ),
        ],
    },
    {
        "slug": "turkmenistan-reports-no-covid-cases",
        "title": "Turkmenistan says it has no coronavirus cases. Its residents tell a different story",
        "standfirst": "After a World Health Organization mission, the government still reports zero infections. Families describe crowded hospitals and relatives buried without explanations.",
        "published": "2020-07-16T11:00",
        "places": ["turkmenistan", "central-asia"],
        "topics": ["society"],
        "collections": ["coronavirus"],
        "authors": ["aigerim-sadykova", "elif-demir"],
        "image": {
            "caption": "A white marble boulevard in Ashgabat, almost empty on a hot summer afternoon.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A wide avenue lined with white buildings and very few people",
        },
        "body": [
            (
                "paragraph",
                "Turkmenistan remains one of a handful of countries in the world that say they have recorded no cases of Covid-19. A World Health Organization team that visited the country this month did not contradict the official figures, but urged the authorities to act as though the virus were already circulating, and noted a rise in cases of acute respiratory illness.",
            ),
            (
                "paragraph",
                "Residents of Ashgabat and other cities, speaking on condition of anonymity because of the risks of talking to foreign media, describe a different picture. They talk of hospital wards filled with patients with pneumonia, of doctors forbidden to mention the coronavirus, and of funerals held quickly with little explanation about the cause of death.",
            ),
            (
                "quote",
                {
                    "text": "My uncle was in hospital for ten days with a fever and could not breathe. The certificate says heart failure. Everybody in the family knows what it was.",
                    "attribution": "A resident of Turkmenabat, speaking by messaging app",
                },
            ),
            (
                "paragraph",
                "Masks have become compulsory in public, officially because of dust in the air. Public gatherings have been restricted and travel between regions limited. Health specialists say the lack of transparency makes it impossible to judge the scale of the outbreak, and leaves people without the information they need to protect themselves.",
            ),
        ],
    },
    {
        "slug": "american-diplomat-remembers-tashkent-1990s",
        "title": "“We were inventing an embassy as we went”: a US diplomat remembers Tashkent in the 1990s",
        "standfirst": "The first in our series of conversations with former American diplomats who served in Central Asia after the Soviet collapse.",
        "published": "2019-11-20T10:00",
        "places": ["uzbekistan", "central-asia", "united-states", "eurasian-fringe"],
        "topics": ["society"],
        "collections": ["american-diplomats-in-central-asia"],
        "authors": ["timur-rakhimov", "elif-demir"],
        "image": {
            "caption": "A hotel corridor turned into makeshift offices, in a scene recalling the early days of foreign embassies in Tashkent.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A long hotel corridor with desks, phones and stacks of paper",
        },
        "body": [
            (
                "paragraph",
                "Margaret Ellison arrived in Tashkent in 1993 as a junior political officer, a little over a year after the United States opened its embassy in newly independent Uzbekistan. She spent three years there before postings in Europe and the Middle East. Now retired and living in Vermont, she spoke to us about a period she describes as the most improvised of her career.",
            ),
            (
                "quote",
                {
                    "text": "We were inventing an embassy as we went. Phone lines went through Moscow, our cables were typed on machines older than some of the staff, and half of our contacts had business cards from ministries that had been renamed the month before.",
                    "attribution": "Margaret Ellison, former US political officer in Tashkent (1993–1996)",
                },
            ),
            ("heading", "Learning a country from scratch"),
            (
                "paragraph",
                "Ellison says the small American team relied heavily on local staff, many of them former teachers and engineers, who translated not only languages but also the unwritten rules of Soviet and post-Soviet bureaucracy. She remembers long evenings at the homes of Uzbek colleagues, where conversation moved easily between Russian, Uzbek and broken English.",
            ),
            (
                "paragraph",
                "Asked what Washington misunderstood about the region, she is candid. The assumption, she says, was that market reforms and elections would follow each other quickly once the Soviet structures were gone. “We underestimated how much continuity there would be,” she says, “and how much people valued stability after seeing what happened in Tajikistan.”",
            ),
            ("pull_quote", "“We underestimated how much continuity there would be.”"),
        ],
    },
    {
        "slug": "american-diplomat-remembers-dushanbe-civil-war",
        "title": "An embassy in a hotel: serving in Dushanbe during Tajikistan’s civil war",
        "standfirst": "In the second part of our series, a former US consular officer describes working out of hotel rooms while the country was at war with itself.",
        "published": "2020-02-11T10:00",
        "places": ["tajikistan", "central-asia", "united-states", "eurasian-fringe"],
        "topics": ["society"],
        "collections": ["american-diplomats-in-central-asia"],
        "authors": ["farida-nazarova"],
        "image": {
            "caption": "A Soviet-era hotel in central Dushanbe at dusk, with a few lit windows on its upper floors.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A tall concrete hotel building at twilight",
        },
        "body": [
            (
                "paragraph",
                "When the United States opened an embassy in Dushanbe in 1992, it set up shop in a hotel. Within months, Tajikistan was engulfed by a civil war that would last five years and kill tens of thousands of people. Thomas Harlan, a consular officer who served there in the mid-1990s, remembers the sound of gunfire at night and the daily calculation of which roads were safe.",
            ),
            (
                "quote",
                {
                    "text": "You learned to read the city by its silences. If the market was empty at ten in the morning, you did not go out. Our local colleagues knew before any intelligence report what was coming.",
                    "attribution": "Thomas Harlan, former US consular officer in Dushanbe",
                },
            ),
            (
                "paragraph",
                "Harlan says much of his work involved helping foreign aid workers and the families of Americans married to Tajik citizens. He also recalls issuing visas to Tajik students selected for exchange programmes, some of whom went on to become doctors, academics and officials in their own country.",
            ),
            (
                "paragraph",
                "In 1998, amid security concerns, most of the embassy’s American staff were moved to Almaty, and for several years the mission was run largely from Kazakhstan. Harlan had left by then, but he says he still thinks of the local employees who kept the office open. “They took the real risks,” he says. “We could always get on a plane.”",
            ),
        ],
    },
    {
        "slug": "student-spotlight-almaty-air-quality-map",
        "title": "Student spotlight: the Almaty undergraduate mapping her city’s smog street by street",
        "standfirst": "A second-year computer science student has built a network of low-cost sensors and an open map that neighbours now check before walking their children to school.",
        "published": "2025-03-11T09:00",
        "places": ["kazakhstan", "central-asia"],
        "topics": ["society", "environment"],
        "collections": ["student-spotlight"],
        "authors": ["aigerim-sadykova"],
        "image": {
            "caption": "A small air-quality sensor mounted on a balcony railing, with Almaty’s apartment blocks and mountains behind.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A small white box with a sensor attached to a balcony railing",
        },
        "body": [
            (
                "paragraph",
                "Dana Zhaksylykova was fifteen when she started counting the days she could not see the mountains from her bedroom window in Almaty. Five years later, as a computer science student, she has turned that habit into a network of more than sixty home-built sensors, installed on the balconies of friends, relatives and volunteers across the city.",
            ),
            (
                "paragraph",
                "The sensors measure fine particulate matter and send readings every few minutes to an open map that anyone can view. The data show what many residents suspected: the worst pollution in winter is found in the lower, northern districts, where many private houses still burn coal and where cold air traps smoke close to the ground.",
            ),
            (
                "quote",
                {
                    "text": "Official stations give you one number for a whole district. My neighbours wanted to know about their street, and whether to open the window today. That is a question a map can answer.",
                    "attribution": "Dana Zhaksylykova, student and founder of the sensor project",
                },
            ),
            (
                "paragraph",
                "The project has attracted interest from city officials and a small grant from a local foundation. Zhaksylykova says her next goal is to publish the data in a format that researchers can use, and to train students in other Kazakh cities to build their own networks.",
            ),
        ],
    },
    {
        "slug": "tien-shan-glacier-survey-2026",
        "title": "Scientists return from the Tien Shan with another season of bad news for Kyrgyzstan’s glaciers",
        "standfirst": "A field team measuring ice on the Golubin glacier above Bishkek recorded one of the largest summer losses since monitoring resumed. Downstream, farmers depend on what the ice provides.",
        "published": "2026-08-27T08:30",
        "places": ["kyrgyzstan", "central-asia"],
        "topics": ["environment"],
        "collections": [],
        "authors": ["farida-nazarova", "bakyt-osmonov"],
        "image": {
            "caption": "Researchers set up a measuring stake on a grey, debris-covered glacier tongue in the Kyrgyz Ala-Too.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Two people with poles and backpacks standing on a dirty glacier",
        },
        "body": [
            (
                "paragraph",
                "Every August, a small team of glaciologists walks up the Ala-Archa valley south of Bishkek with ice drills, stakes and GPS receivers to measure how much the Golubin glacier has changed over the previous year. This summer, after an unusually warm June and little late snowfall, they found the ice surface had dropped by well over a metre at many of their stakes.",
            ),
            (
                "paragraph",
                "Golubin is one of the few glaciers in Central Asia with long-term records, dating back to Soviet times and resumed after a long gap that followed the collapse of the Soviet Union. That makes it a reference point for scientists trying to understand the thousands of smaller glaciers in the Tien Shan that are never visited.",
            ),
            (
                "quote",
                {
                    "text": "One bad year is weather. What we are seeing is a run of bad years, and the glacier has no time to recover in between. The ice that is melting now formed centuries ago.",
                    "attribution": "Asel Mamatova, a glaciologist who led this year’s field survey",
                },
            ),
            ("pull_quote", "“The ice that is melting now formed centuries ago.”"),
            (
                "paragraph",
                "Meltwater from the Tien Shan feeds rivers that irrigate fields across Kyrgyzstan, Kazakhstan and Uzbekistan, especially in late summer when rainfall is scarce. Researchers say the region should plan now for a future with less reliable water, from more efficient irrigation to better forecasting of floods from glacial lakes.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Eastern Europe
    # ------------------------------------------------------------------
    {
        "slug": "belarus-election-night-protests",
        "title": "Belarus erupts in protest after election officials hand incumbent a landslide",
        "standfirst": "Riot police used stun grenades and rubber bullets against crowds in Minsk and other cities overnight. Thousands were detained and the internet was largely cut.",
        "published": "2020-08-10T11:00",
        "updated": "2020-08-10T19:45",
        "places": ["belarus", "eastern-europe"],
        "topics": ["politics"],
        "collections": [],
        "authors": ["olena-marchenko"],
        "image": {
            "caption": "Protesters and riot police face each other across a wide avenue in Minsk on election night.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A line of police with shields facing a crowd under street lights",
        },
        "body": [
            (
                "paragraph",
                "Tens of thousands of people took to the streets of Minsk and other Belarusian cities on Sunday night after preliminary results gave the incumbent, in power since 1994, around 80 per cent of the vote. The main opposition candidate, who had drawn huge crowds during the campaign, was credited with about ten per cent, a figure her supporters and independent observers dismissed as implausible.",
            ),
            (
                "paragraph",
                "Riot police moved in shortly before midnight, firing stun grenades, rubber bullets and water cannon. The interior ministry said on Monday that about 3,000 people had been detained across the country. Mobile internet was cut for most of the night, and many websites remained unreachable on Monday morning.",
            ),
            ("heading", "A different kind of crowd"),
            (
                "paragraph",
                "Many of the people on the streets had never protested before. In a country where opposition rallies used to draw a few thousand committed activists, the crowds on Sunday included pensioners, factory workers, doctors and teenagers, many of them carrying the white-red-white flag used by the opposition.",
            ),
            (
                "quote",
                {
                    "text": "I voted for the first time in my life, and I took a photograph of my ballot. I know many people in my district who did the same. We know what we voted for.",
                    "attribution": "Katsiaryna, a 24-year-old IT specialist in Minsk",
                },
            ),
            (
                "paragraph",
                "Western governments have questioned the conduct of the election, which was not monitored by the OSCE because its observers were not invited in time. Opposition organisers have called for further protests on Monday evening, and messages circulating on the few channels still reachable urge people to gather again in city centres after work.",
            ),
        ],
    },
    {
        "slug": "belarusian-writers-in-exile-vilnius",
        "title": "In Vilnius, exiled Belarusian writers build a literature away from home",
        "standfirst": "Poets, novelists and publishers who fled after 2020 have created a small but busy literary scene in the Lithuanian capital, writing for readers they cannot reach.",
        "published": "2022-04-20T12:00",
        "places": ["belarus", "the-baltics", "eastern-europe"],
        "topics": ["society"],
        "collections": ["arts-and-culture"],
        "authors": ["olena-marchenko"],
        "image": {
            "caption": "A poetry reading in a Vilnius bookshop, with a small audience seated among the shelves.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "People on folding chairs listening to a speaker in a bookshop",
        },
        "body": [
            (
                "paragraph",
                "On a Thursday evening in Vilnius’s Old Town, about forty people squeeze between the shelves of a small bookshop to hear a poet read in Belarusian. Most of the audience left Belarus after the crackdown that followed the 2020 election. Some have been in exile for a few months; others for nearly two years.",
            ),
            (
                "paragraph",
                "Lithuania has become one of the main refuges for Belarusian culture. Independent publishers have registered companies here, printing books that are sent across the border through friends and sold online. Literary evenings, small theatre productions and exhibitions take place almost every week.",
            ),
            (
                "quote",
                {
                    "text": "We write in Belarusian, but our readers are in Minsk, in Warsaw, in Tbilisi, in Berlin. Exile has scattered us. The language is the only thing that holds the map together.",
                    "attribution": "Alesia Karpovich, a poet who left Minsk in 2021",
                },
            ),
            ("pull_quote", "“The language is the only thing that holds the map together.”"),
            (
                "paragraph",
                "The war in Ukraine has complicated things. Belarusian exiles say they sometimes face suspicion because their country’s territory was used by Russian troops to attack Ukraine. Many writers have responded by working with Ukrainian colleagues, translating each other and appearing together at readings.",
            ),
        ],
    },
    {
        "slug": "moldova-blackouts-energy-crisis",
        "title": "Moldova plunged into darkness as Russian strikes on Ukraine’s grid ripple across the border",
        "standfirst": "Much of the country lost power on Wednesday after a wave of missile attacks on Ukrainian energy infrastructure. Moldova faces a winter of scarce gas and soaring bills.",
        "published": "2022-11-24T10:00",
        "updated": "2022-11-24T17:30",
        "places": ["moldova", "ukraine", "russia", "eastern-europe"],
        "topics": ["economy", "security"],
        "collections": [],
        "authors": ["olena-marchenko"],
        "image": {
            "caption": "A Chișinău apartment block in darkness, with a single window lit by candlelight.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A dark apartment building at night with one faintly lit window",
        },
        "body": [
            (
                "paragraph",
                "Large parts of Moldova, including much of the capital, Chișinău, were left without electricity on Wednesday afternoon after Russian missile strikes hit power infrastructure across Ukraine. Moldova’s grid remains closely linked to Ukraine’s, and the strikes triggered automatic shutdowns on the Moldovan side. Power was gradually restored overnight.",
            ),
            (
                "paragraph",
                "It was the second major blackout in a little over a week, and it came as the country faces a deep energy crisis. Gazprom has cut gas deliveries to Moldova sharply since October, and the power plant in the breakaway Transnistria region, which normally supplies most of the electricity used on the right bank of the Dniester, has reduced its sales.",
            ),
            ("heading", "Bills that exceed pensions"),
            (
                "paragraph",
                "Heating and electricity prices have risen several times over in the past year. Pensioners in Chișinău say their winter bills are now larger than their monthly income, and the government has introduced compensation payments for poorer households. Families are buying wood stoves, blankets and power banks.",
            ),
            (
                "quote",
                {
                    "text": "We lived through the winters of the nineties. We will live through this one. But it is hard to explain to a child why the lights go off because of a war in another country.",
                    "attribution": "Valentina Rusu, a retired teacher in Chișinău",
                },
            ),
            (
                "paragraph",
                "Moldova has been buying gas on European markets through Romania and is reinforcing its electricity connection with its western neighbour. Officials say those links will make the country less vulnerable, but not this winter.",
            ),
        ],
    },
    {
        "slug": "central-asian-students-escape-kharkiv",
        "title": "Central Asian students trapped in Kharkiv describe a desperate journey west",
        "standfirst": "Thousands of young people from Turkmenistan, Uzbekistan and other countries were studying in Ukraine when Russia invaded. Many are still trying to get out.",
        "published": "2022-03-02T20:00",
        "updated": "2022-03-03T09:10",
        "places": [
            "ukraine",
            "russia",
            "eastern-europe",
            "turkmenistan",
            "uzbekistan",
            "central-asia",
        ],
        "topics": ["security", "society"],
        "collections": [],
        "authors": ["olena-marchenko", "timur-rakhimov"],
        "image": {
            "caption": "Students with suitcases crowd a railway platform in western Ukraine, waiting for a train to the Polish border.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Young people with luggage on a crowded station platform",
        },
        "body": [
            (
                "paragraph",
                "For six days, Merdan, a 20-year-old medical student from Turkmenistan, slept in the basement of his dormitory in Kharkiv as shelling hit residential districts of the city. On Tuesday, with food running out, he and eleven classmates walked to the railway station and pushed their way onto an evacuation train heading west.",
            ),
            (
                "paragraph",
                "Ukraine’s universities have long attracted students from Central Asia, drawn by tuition fees that are lower than in Europe and degrees that are recognised at home. Turkmen students, in particular, were among the largest groups of foreigners in cities such as Kharkiv and Dnipro before the war.",
            ),
            (
                "quote",
                {
                    "text": "At the station they let women and children on first, which is right. We waited for two trains. On the third we got in, standing all the way to Lviv. Nobody asked for passports.",
                    "attribution": "Merdan, a medical student from Turkmenistan, speaking from Lviv",
                },
            ),
            (
                "paragraph",
                "Students say their embassies have offered little practical help, and several told us they were worried about how they would be treated at home after speaking about the war. Uzbekistan has organised some evacuation flights from Poland; families of Turkmen students say they have received little information from their government.",
            ),
            ("pull_quote", "“We waited for two trains. On the third we got in.”"),
        ],
    },
    {
        "slug": "baltic-states-leave-russian-power-grid",
        "title": "Baltic states cut their last electricity link with Russia and join Europe’s grid",
        "standfirst": "Estonia, Latvia and Lithuania disconnected from a Soviet-era power system run from Moscow and synchronised with continental Europe, ending a dependence that outlived the USSR by three decades.",
        "published": "2025-02-09T15:00",
        "places": ["the-baltics", "russia", "eastern-europe", "eu", "eurasian-fringe"],
        "topics": ["economy", "security"],
        "collections": [],
        "authors": ["olena-marchenko"],
        "image": {
            "caption": "High-voltage pylons stretch across a snowy Lithuanian field towards the Polish border.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Power lines and pylons across a flat snowy landscape",
        },
        "body": [
            (
                "paragraph",
                "For more than thirty years after independence, the Baltic states’ electricity grids remained synchronised with those of Russia and Belarus, part of a system whose frequency was controlled from Moscow. On Saturday morning the three countries switched off their links to it, ran their own grids in isolation for about a day, and on Sunday joined the continental European network through Poland.",
            ),
            (
                "paragraph",
                "The move had been planned for years and was accelerated after Russia’s full-scale invasion of Ukraine. Grid operators say the Baltic states no longer bought Russian electricity, but that their dependence on Moscow to keep the system stable was a security risk, especially in a crisis.",
            ),
            (
                "quote",
                {
                    "text": "Most people will not notice anything when they switch on the kettle. That is the point. The change is invisible, but it removes a lever that could have been used against us.",
                    "attribution": "Jonas Petrauskas, an energy engineer in Vilnius",
                },
            ),
            (
                "paragraph",
                "The switch leaves the Russian exclave of Kaliningrad isolated from the rest of the Russian grid. Officials across the region are now focused on protecting undersea cables and power lines, after several incidents of damage to infrastructure in the Baltic Sea in recent months.",
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Eurasian fringe
    # ------------------------------------------------------------------
    {
        "slug": "taliban-takeover-central-asian-neighbours",
        "title": "Afghanistan’s northern neighbours scramble to respond as Kabul falls to the Taliban",
        "standfirst": "Afghan soldiers and aircraft crossed into Uzbekistan and Tajikistan as the government collapsed. Dushanbe and Tashkent are taking very different approaches to the new rulers.",
        "published": "2021-08-16T18:00",
        "places": ["afghanistan", "eurasian-fringe", "tajikistan", "uzbekistan", "central-asia"],
        "topics": ["security"],
        "collections": [],
        "authors": ["timur-rakhimov", "farida-nazarova"],
        "image": {
            "caption": "The Friendship Bridge across the Amu Darya between Termez and Hairatan, empty of traffic.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A long road and rail bridge over a wide brown river",
        },
        "body": [
            (
                "paragraph",
                "As the Taliban entered Kabul on Sunday, dozens of Afghan military aircraft carrying soldiers and pilots landed at Termez in southern Uzbekistan, and others flew into Tajikistan. Uzbek authorities said they were in talks about returning the personnel. For weeks, as district after district fell, Afghan troops had been crossing the river border on foot to escape the advancing insurgents.",
            ),
            (
                "paragraph",
                "The two neighbours are reacting differently. Uzbekistan, which has hosted Taliban delegations and invested in trade routes through Afghanistan, has signalled that it will deal pragmatically with whoever controls Kabul. Tajikistan, whose ethnic kin make up a large share of Afghanistan’s population, has been far more hostile, and has stepped up military exercises along the border with Russian support.",
            ),
            ("heading", "Fear along the river"),
            (
                "paragraph",
                "In Tajik border villages along the Panj river, residents said they could see Taliban fighters on the opposite bank. Some had relatives among the Afghan Tajik communities on the other side and were trying to reach them by phone.",
            ),
            (
                "quote",
                {
                    "text": "I was a child during our own war. I know what it looks like when people start to run. This time I am watching it across the river, and I cannot do anything.",
                    "attribution": "Nodira, a teacher in a village near the Afghan border in Khatlon",
                },
            ),
            (
                "paragraph",
                "Analysts in the region say the immediate risk of the conflict spilling over is low, but that Central Asian governments will face pressure from refugees, from militants in northern Afghanistan and from the collapse of an economy that was a growing trading partner.",
            ),
        ],
    },
    {
        "slug": "student-spotlight-afghan-women-study-online",
        "title": "Student spotlight: barred from campus, Afghan women finish their degrees online",
        "standfirst": "Ten months after the Taliban banned women from universities, thousands are studying through online programmes run from abroad, often at night and with borrowed laptops.",
        "published": "2023-10-12T09:00",
        "places": ["afghanistan", "eurasian-fringe"],
        "topics": ["society"],
        "collections": ["student-spotlight"],
        "authors": ["farida-nazarova"],
        "image": {
            "caption": "A young woman studies at a laptop by the light of a small lamp in a darkened room.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A woman in a headscarf working at a laptop at night",
        },
        "body": [
            (
                "paragraph",
                "Until December 2022, Parwana was in her third year of a computer science degree at a university in Herat. Then the Taliban announced that women could no longer attend higher education. Today she follows lectures recorded by volunteer academics in Europe and Central Asia, submitting assignments through a platform that works even on a slow mobile connection.",
            ),
            (
                "paragraph",
                "Dozens of such programmes have appeared since the ban, ranging from accredited online degrees offered by foreign universities to informal study circles on messaging apps. Their organisers estimate that several thousand Afghan women are now enrolled, though many struggle with power cuts, expensive data and the risk of being discovered.",
            ),
            (
                "quote",
                {
                    "text": "I study after midnight, when the electricity is more stable and the house is quiet. My brothers help me by keeping watch. I do not know if my degree will ever be recognised here, but nobody can take away what I learn.",
                    "attribution": "Parwana, 22, an online computer science student in Herat",
                },
            ),
            ("pull_quote", "“Nobody can take away what I learn.”"),
            (
                "paragraph",
                "Some students hope to use their qualifications to win scholarships abroad. A university in Almaty and another in Bishkek have offered places to Afghan women in recent years, although visa restrictions and cost mean only a small number can take them up.",
            ),
        ],
    },
    {
        "slug": "khorgos-middle-corridor-china-europe-trade",
        "title": "At Khorgos, China’s trains to Europe look for a way around Russia",
        "standfirst": "Since 2022, shippers have been testing the route across Kazakhstan, the Caspian Sea and the South Caucasus. Its backers call it the Middle Corridor; its critics call it a bottleneck.",
        "published": "2023-06-07T11:00",
        "places": [
            "china",
            "eurasian-fringe",
            "kazakhstan",
            "central-asia",
            "azerbaijan",
            "caucasus",
        ],
        "topics": ["economy"],
        "collections": [],
        "authors": ["aigerim-sadykova"],
        "image": {
            "caption": "Gantry cranes move shipping containers between Chinese and Kazakh trains at the Khorgos dry port.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Large cranes lifting containers over railway tracks in a flat landscape",
        },
        "body": [
            (
                "paragraph",
                "At the Khorgos dry port on Kazakhstan’s border with China, cranes lift containers from Chinese trains onto Kazakh ones, because the two countries use different rail gauges. For most of the past decade, the majority of those containers travelled on to Europe through Russia and Belarus. Since the invasion of Ukraine, a growing number are instead heading west to Kazakhstan’s Caspian ports, then by ship to Baku and by rail through Georgia.",
            ),
            (
                "paragraph",
                "Volumes on this Trans-Caspian route rose sharply last year, albeit from a low base, and governments along it have promised investment in ports, ships and railways. At a summit in Xi’an in May, China and the five Central Asian states pledged closer transport links, and the EU has also presented the corridor as a priority.",
            ),
            ("heading", "Delays at sea"),
            (
                "paragraph",
                "Logistics companies say the route works, but slowly. Containers may wait days at Aktau for a ship, and the shallow northern Caspian limits vessel sizes. Each border and transfer adds paperwork and cost.",
            ),
            (
                "quote",
                {
                    "text": "Through Russia a container needed about two weeks from China to Poland. On the Middle Corridor we promise clients three to five weeks, and sometimes we miss that. Some clients accept it because the risk is lower. Many do not.",
                    "attribution": "Yerlan Bekov, a freight forwarder in Almaty",
                },
            ),
        ],
    },
    {
        "slug": "turkey-earthquake-turkmen-students",
        "title": "Student spotlight: Turkmen students in Turkey’s quake zone search for friends and a way home",
        "standfirst": "Thousands of young Central Asians were studying at universities in the provinces hit by the 6 February earthquakes. Many lost everything; some lost their lives.",
        "published": "2023-02-10T13:00",
        "places": ["turkey", "eurasian-fringe", "turkmenistan", "central-asia"],
        "topics": ["society"],
        "collections": ["student-spotlight"],
        "authors": ["elif-demir"],
        "image": {
            "caption": "Students wrapped in blankets wait outside a sports hall used as a shelter in Adana.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A group of young people in blankets standing outside a large hall in winter",
        },
        "body": [
            (
                "paragraph",
                "When the first earthquake struck before dawn on Monday, Aylar, a 21-year-old economics student from Mary in Turkmenistan, was asleep in a rented flat in Antakya with two classmates. The building held. Theirs was one of the few in the street that did. For the next two days, she helped neighbours search the rubble for people she had passed on the stairs every morning.",
            ),
            (
                "paragraph",
                "Turkey is the most popular destination for students from Turkmenistan, and many enrol at universities in the south-east, where living costs are lower. Student associations are compiling lists of those missing and those confirmed safe, sharing them in group chats that have become the main source of information for families at home.",
            ),
            (
                "quote",
                {
                    "text": "Our parents call every hour. They see the pictures on television and we cannot explain. Some of our friends are still not answering. We are waiting for buses to take us to Ankara.",
                    "attribution": "Aylar, an economics student from Turkmenistan, speaking from a shelter in Adana",
                },
            ),
            (
                "paragraph",
                "Universities in the affected provinces have suspended teaching, and the Turkish government has said students will be able to continue their studies elsewhere. For international students whose residence permits depend on enrolment, the uncertainty adds to the trauma.",
            ),
        ],
    },
    {
        "slug": "uk-overseas-property-register-post-soviet-money",
        "title": "London’s new property register lifts a corner of the veil on post-Soviet money",
        "standfirst": "Owners of UK property held through offshore companies had until 31 January to name themselves. Transparency campaigners say thousands of entries are still incomplete.",
        "published": "2023-02-02T12:00",
        "places": [
            "united-kingdom",
            "eurasian-fringe",
            "russia",
            "eastern-europe",
            "kazakhstan",
            "central-asia",
        ],
        "topics": ["economy"],
        "collections": [],
        "authors": ["aigerim-sadykova", "olena-marchenko"],
        "image": {
            "caption": "A row of white stucco townhouses in central London, their windows shuttered.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Elegant white terraced houses on a quiet London street",
        },
        "body": [
            (
                "paragraph",
                "For years, some of the grandest homes in London have belonged on paper to companies registered in the British Virgin Islands, Cyprus or Jersey, with the real owners hidden from view. A law passed after Russia’s invasion of Ukraine required such companies to declare their beneficial owners on a public register by the end of January.",
            ),
            (
                "paragraph",
                "Researchers who have begun combing the data say it is already revealing links to business figures from Russia, Kazakhstan, Azerbaijan and other former Soviet states. But they also point to a large number of companies that have not registered at all, and others that list trusts or nominees rather than identifiable people.",
            ),
            (
                "quote",
                {
                    "text": "It is a real step forward, but a register is only as good as its enforcement. If there is no penalty for filing nonsense, the people with the most to hide will file nonsense.",
                    "attribution": "Helen Marsh, a researcher at a London anti-corruption charity",
                },
            ),
            (
                "paragraph",
                "Investigative journalists in Central Asia have long used foreign property records to trace the wealth of officials and their families. They say the register could become a valuable tool, but only if the gaps are closed.",
            ),
        ],
    },
    {
        "slug": "eu-central-asia-summit-samarkand",
        "title": "At first summit in Samarkand, EU courts Central Asia with investment pledges",
        "standfirst": "European leaders and the five Central Asian presidents agreed a strategic partnership, with a focus on transport, critical raw materials and clean energy.",
        "published": "2025-04-04T18:00",
        "places": ["eu", "eurasian-fringe", "uzbekistan", "kazakhstan", "central-asia"],
        "topics": ["economy", "politics"],
        "collections": [],
        "authors": ["timur-rakhimov", "aigerim-sadykova"],
        "image": {
            "caption": "Flags of the European Union and the five Central Asian states outside a conference hall in Samarkand.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A row of national flags in front of a modern building with blue domes in the background",
        },
        "body": [
            (
                "paragraph",
                "The European Union held its first summit with the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan in Samarkand on Friday, and the two sides upgraded their relationship to a strategic partnership. Brussels presented an investment package worth about €12 billion under its Global Gateway programme, covering transport links, energy, digital connections and minerals.",
            ),
            (
                "paragraph",
                "The EU’s interest is partly strategic. Central Asia holds deposits of uranium, rare earths and other raw materials that Europe wants for its energy transition, and the region’s governments are keen to diversify their partnerships beyond Russia and China. But European officials admit they cannot match Beijing’s scale of spending.",
            ),
            (
                "quote",
                {
                    "text": "The EU comes with rules, standards and a lot of meetings. China comes with money and a finished road. Our governments want both, and they are getting better at playing one against the other.",
                    "attribution": "Bakhodir Ergashev, an economist in Tashkent",
                },
            ),
            (
                "paragraph",
                "Rights groups had urged European leaders to raise the treatment of journalists and activists in the region. Officials said human rights were discussed, but the summit’s final declaration focused largely on trade and connectivity.",
            ),
        ],
    },
    {
        "slug": "qosh-tepa-canal-amu-darya-water-fears",
        "title": "Afghanistan’s Qosh Tepa canal raises alarm downstream on the Amu Darya",
        "standfirst": "The Taliban’s flagship irrigation project could divert a significant share of the river that sustains farms in Uzbekistan and Turkmenistan. Talks on sharing the water have barely begun.",
        "published": "2025-10-14T10:00",
        "places": ["afghanistan", "eurasian-fringe", "uzbekistan", "turkmenistan", "central-asia"],
        "topics": ["environment", "security"],
        "collections": [],
        "authors": ["farida-nazarova"],
        "image": {
            "caption": "A newly dug canal cuts across the dry plains of northern Afghanistan, with excavators working in the distance.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A wide empty canal through a desert with construction machines far away",
        },
        "body": [
            (
                "paragraph",
                "Construction of the Qosh Tepa canal began in 2022 and has moved quickly. The channel, planned to run for around 285 kilometres across northern Afghanistan, is intended to turn desert into farmland and reduce the country’s dependence on food imports. Its first phase was completed in 2023, and work on later sections has continued since.",
            ),
            (
                "paragraph",
                "Downstream, the project is viewed with growing anxiety. The Amu Darya is the main source of irrigation water for large parts of Uzbekistan and Turkmenistan, whose cotton and wheat fields already suffer from shortages in dry years. Some estimates suggest the canal could eventually take as much as a fifth of the river’s flow.",
            ),
            ("heading", "No seat at the table"),
            (
                "paragraph",
                "Afghanistan was not a party to the water-sharing agreements reached by the Central Asian states after the Soviet collapse, and the Taliban government is not formally recognised by its neighbours. That leaves no established forum in which the canal’s impact can be negotiated.",
            ),
            (
                "quote",
                {
                    "text": "Afghanistan has every right to use the river. The question is how much, and how fast, and whether anyone downstream gets a say. Right now nobody is measuring anything together.",
                    "attribution": "Rustam Nazarov, a water management specialist in Tashkent",
                },
            ),
            (
                "paragraph",
                "Engineers also question whether the unlined canal, dug through sandy soil, will lose much of its water to seepage before it reaches any fields, a concern that would mean more water taken from the river for less benefit.",
            ),
        ],
    },
    {
        "slug": "mongolian-throat-singing-meets-heavy-metal",
        "title": "Horsehead fiddles and distorted guitars: Ulaanbaatar’s bands take throat singing on the road",
        "standfirst": "A new generation of Mongolian musicians is mixing traditional khöömii with rock and metal, and finding audiences far beyond the steppe.",
        "published": "2019-10-15T19:00",
        "places": ["mongolia", "eurasian-fringe"],
        "topics": ["society"],
        "collections": ["arts-and-culture"],
        "authors": ["elif-demir", "bakyt-osmonov"],
        "image": {
            "caption": "A band performs on a stage in Ulaanbaatar, with a horsehead fiddle and an electric guitar side by side.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "Musicians on a stage with traditional string instruments and electric guitars under coloured lights",
        },
        "body": [
            (
                "paragraph",
                "In a basement club in central Ulaanbaatar, the members of Steppe Engine tune two <i>morin khuur</i>, the horsehead fiddles found in almost every Mongolian home, next to an electric bass and a drum kit. When the singer begins, his voice splits into a low drone and a whistling overtone at the same time: <i>khöömii</i>, the throat singing that Mongolians have practised for centuries.",
            ),
            (
                "paragraph",
                "Mongolian bands that blend folk instruments and heavy rock have found large international audiences online in recent years, and the success has encouraged dozens of younger groups. Some see the music as a way of reclaiming traditions that were discouraged during the socialist period; others simply like the sound.",
            ),
            (
                "quote",
                {
                    "text": "My grandfather sang to his horses. I sing to a crowd in Berlin. It is the same song, only louder.",
                    "attribution": "Batbold Ganzorig, lead singer of Steppe Engine",
                },
            ),
            ("pull_quote", "“My grandfather sang to his horses. I sing to a crowd in Berlin.”"),
            (
                "embed",
                {
                    "url": "https://example.org/videos/steppe-engine-live-ulaanbaatar",
                    "title": "Steppe Engine – live in Ulaanbaatar",
                    "description": "A short live recording of the band performing in a basement club.",
                    "provider": "Example Video",
                },
            ),
            (
                "paragraph",
                "Traditional musicians are mostly supportive, though some worry that audiences abroad will hear only the spectacle. Several of the new bands now run workshops for children, teaching the fiddle and the basics of throat singing alongside guitar.",
            ),
        ],
    },
    {
        "slug": "mongolia-herders-prepare-for-dzud-winter",
        "title": "Mongolian herders stockpile hay as forecasters warn of another harsh winter",
        "standfirst": "After the devastating dzud of 2024, which killed millions of animals, families across the steppe are trying not to be caught unprepared again.",
        "published": "2026-11-04T09:00",
        "places": ["mongolia", "eurasian-fringe"],
        "topics": ["environment", "economy"],
        "collections": [],
        "authors": ["bakyt-osmonov", "farida-nazarova"],
        "image": {
            "caption": "A herder stacks bales of hay beside a white ger on the snow-dusted steppe.",
            "credit": "Illustration: Borderland Ledger",
            "alt": "A round white tent with hay bales and a few goats on a snowy plain",
        },
        "body": [
            (
                "paragraph",
                "The first snow has already fallen on the pastures of Arkhangai province, and Enkhjargal Dorj has spent the autumn buying hay with money from the sale of wool and cashmere. Two winters ago, deep snow and extreme cold killed more than half of her family’s goats and sheep. She does not intend to let it happen again.",
            ),
            (
                "paragraph",
                "A dzud is a particular Mongolian disaster: a summer drought that leaves animals thin, followed by a winter so harsh that they cannot reach the grass under the snow and ice. The 2023–24 dzud was one of the worst on record, killing millions of livestock and driving thousands of herding families to move to the outskirts of Ulaanbaatar.",
            ),
            (
                "quote",
                {
                    "text": "My parents could count on one bad winter in ten. Now we prepare for one every two or three years. The weather has changed faster than we have.",
                    "attribution": "Enkhjargal Dorj, a herder in Arkhangai province",
                },
            ),
            (
                "paragraph",
                "Aid agencies are distributing fodder and cash in advance this year, based on early warnings rather than waiting for animals to die. Researchers say that approach saves money and livelihoods, but that the underlying problem, overgrazed pastures and a warming climate, needs longer-term answers.",
            ),
        ],
    },
]

PAGES = {
    "about": {
        "title": "About us",
        "intro": "Borderland Ledger is an independent, reader-supported newsroom reporting on the Caucasus, Central Asia and their neighbours.",
        "body": [
            "We were founded in 2018 by a small group of journalists from Almaty, Tbilisi and Bishkek who were tired of seeing their region covered only when something exploded. Our aim is simple: steady, careful reporting on the places between Europe, Russia, China and the Middle East, written by people who live there and know them well.",
            "We publish in English and Russian. Our correspondents and contributors are based across the South Caucasus and Central Asia, with colleagues in Eastern Europe and Istanbul. We cover politics, security and conflict, but also the environment, the economy and the everyday lives that rarely make international headlines.",
            "Borderland Ledger is editorially independent. We are not owned by any government, party or company, and no funder has a say in what we publish. We are a registered non-profit, supported by our readers, by foundation grants that we list publicly each year, and by syndication fees from other outlets.",
            "We hold ourselves to clear standards: we verify before we publish, we separate reporting from opinion, we protect our sources, and we correct our mistakes openly. Where reporting puts people at risk, we withhold names and details, and we tell readers when we have done so.",
        ],
    },
    "team": {
        "title": "Our team",
        "intro": "A small staff newsroom and a wider network of freelance contributors across the region.",
        "body": [
            "Our editorial team is led by editor-in-chief Aigerim Sadykova in Almaty and Caucasus editor Nino Beridze in Tbilisi. Together they plan coverage, edit every story we publish and decide when a story is ready to run.",
            "Our staff reporters include Lilit Hakobyan in Yerevan, Timur Rakhimov in Bishkek, Farida Nazarova in Dushanbe and Olena Marchenko, who divides her time between Chișinău and Vilnius. Bakyt Osmonov commissions and edits our photography and illustration, and Elif Demir produces our weekly podcast from Istanbul.",
            "Beyond the staff, we work with more than thirty freelance reporters, photographers, translators and fact-checkers. Some of them publish under their own names; others, because of the risks they face at home, work with us anonymously. We pay every contributor, and we pay on time.",
            "We are always glad to hear from journalists who want to work with us. See our page on contributing for how to pitch a story.",
        ],
    },
    "contribute": {
        "title": "Contribute",
        "intro": "We welcome pitches from freelance journalists, photographers and researchers across the region.",
        "body": [
            "We are most interested in original reporting that nobody else has: stories based on time spent in a place, on documents, on data, or on access to people who are rarely heard. We are less interested in commentary on news that has already been widely covered.",
            "A good pitch is short. Tell us in a few paragraphs what the story is, why it matters now, who you will talk to and what you have already found. Tell us a little about yourself and include links to two or three pieces of your previous work. You may pitch in English or Russian.",
            "Send pitches to pitches@example.org. We aim to reply to every pitch within a week, although it may take longer during busy news periods. If you have not heard from us after ten days, feel free to send a reminder.",
            "We pay agreed fees for all commissioned work, including reasonable expenses agreed in advance. We edit all pieces closely and fact-check them before publication, and you will see the final version before it goes live.",
            "If your reporting involves personal risk, please tell us at the pitching stage. We will discuss security with you before you begin work, and we can publish under a pseudonym if needed.",
        ],
    },
    "republishing": {
        "title": "Republish our stories",
        "intro": "Most of our journalism is free to republish, in print or online, under a Creative Commons licence.",
        "body": [
            "Unless a story is marked otherwise, you may republish our articles for free under the terms of the Creative Commons Attribution-NoDerivatives 4.0 International licence (CC BY-ND 4.0). This applies to commercial and non-commercial publishers alike.",
            "You must credit the author and Borderland Ledger, for example “By Nino Beridze, Borderland Ledger”, and include a link back to the original story on our website. Please keep the headline, standfirst and text as we published them. You may make small changes for house style, such as spelling or date formats, and you may translate the article as long as the translation is faithful.",
            "You may not change the meaning of a story, add reporting to it or remove substantial parts of it. If we publish a correction or update, we ask that you update your copy as well.",
            "Photographs, illustrations, videos and podcast audio are not covered by this licence unless stated, because many of them belong to contributors or agencies. Please ask us before reusing them.",
            "We like to know where our work appears. If you republish a story, drop us a note at republish@example.org.",
        ],
    },
    "privacy-policy": {
        "title": "Privacy policy",
        "intro": "We collect as little information about our readers as we can, and we never sell it.",
        "body": [
            "This website does not use third-party advertising, tracking pixels or analytics services, and it does not set cookies to follow you around the web. We do not load social media widgets on our pages.",
            "To understand which stories are read, we count page views on our own server without cookies and without storing IP addresses or building profiles of individual readers. The counts we keep are aggregated per article and per day.",
            "If you subscribe to our newsletter, we store your email address and the date you signed up, and nothing else. We use it only to send you the newsletter and, rarely, important messages about our work. Every email includes a link to unsubscribe, and when you unsubscribe we delete your address.",
            "If you write to us or send us a tip, we keep your message only as long as we need it for our reporting, and we never share it with third parties without your consent. If you need to contact us securely, see our contact page for options.",
            "You may ask us at any time what information we hold about you, and ask us to correct or delete it, by writing to privacy@example.org.",
        ],
    },
    "corrections": {
        "title": "Corrections policy",
        "intro": "We work hard to get things right, and when we get something wrong we say so.",
        "body": [
            "When we make a factual error, we correct it as soon as we can and add a note at the bottom of the story explaining what was wrong and when it was fixed. We do not quietly change published stories to hide mistakes.",
            "Minor changes that do not affect the meaning of a story, such as fixing a spelling mistake or a broken link, may be made without a note. Substantial updates to a developing story are marked with the time of the update.",
            "If a story is so flawed that it cannot be fixed with a correction, we will publish an editor’s note explaining what happened and, in rare cases, withdraw the story.",
            "If you think we have made a mistake, please write to corrections@example.org with a link to the story and a short explanation. An editor reads every message, and we will tell you what we have decided to do.",
        ],
    },
    "contact": {
        "title": "Contact us",
        "intro": "How to reach our editors, reporters and the people who keep the newsroom running.",
        "body": [
            "For general enquiries, write to hello@example.org. For story tips, write to tips@example.org; if you are sharing sensitive information, please ask us first for a secure way to communicate, and avoid using a work device or network.",
            "Freelance pitches should go to pitches@example.org, requests to republish our work to republish@example.org, and corrections to corrections@example.org. Questions about your data can be sent to privacy@example.org.",
            "Press and partnership enquiries can be sent to partners@example.org. Our reporters can also be reached directly at the addresses listed on their author pages.",
            "We do not have a public office. Our staff work from several cities in the region, and we meet in person a few times a year.",
        ],
    },
    "support-us": {
        "title": "Support us",
        "intro": "Independent journalism about our region is rare and expensive. Readers like you make it possible.",
        "body": [
            "Borderland Ledger has no paywall and no advertising. We want our reporting to be available to everyone, including readers in countries where independent media is blocked or censored. That choice means we depend on the support of people who can afford to give.",
            "Your donation pays reporters’ fees, travel to places that are hard to reach, translation between English and Russian, legal advice and the digital security our contributors need. A regular monthly gift is especially valuable, because it allows us to plan.",
            "We do not accept money from governments in the region, from political parties or from companies we report on. We publish a list of our institutional funders and a summary of our accounts every year.",
            "If you would like to support us, or to discuss a larger gift, please write to support@example.org. Thank you.",
        ],
    },
    "newsletter": {
        "title": "Newsletter",
        "intro": "The Ledger Weekly: our best reporting from the region, in your inbox every Friday.",
        "body": [
            "Every Friday morning our editors send a free newsletter with the week’s most important stories from the Caucasus, Central Asia and beyond, a few pieces from other outlets that we think deserve your attention, and a short note from one of our reporters about what they are working on.",
            "The newsletter is written by people, not assembled by algorithms. It takes about five minutes to read, and we try to make sure it tells you something you did not already know.",
            "It is free, and will stay free. We do not track whether you open our emails or which links you click, and we never share your address with anyone.",
            "You can unsubscribe at any time using the link at the bottom of every issue. Questions about the newsletter can be sent to newsletter@example.org.",
        ],
    },
}

# Other names stories use for a term (capitals, older spellings): the article form
# suggests the term when the text mentions one of them.
TERM_OTHER_NAMES = {
    "armenia": "Yerevan",
    "azerbaijan": "Baku",
    "georgia": "Tbilisi",
    "kazakhstan": "Astana, Almaty",
    "kyrgyzstan": "Bishkek, Kirghizia",
    "tajikistan": "Dushanbe",
    "turkmenistan": "Ashgabat",
    "uzbekistan": "Tashkent",
    "nagorno-karabakh": "Karabakh, Artsakh, Stepanakert",
    "abkhazia": "Sukhumi",
    "south-ossetia": "Tskhinvali",
}

TERM_DESCRIPTIONS = {
    # Regions
    "caucasus": "Armenia, Azerbaijan and Georgia: the South Caucasus, between the Black and Caspian seas.",
    "central-asia": "The five post-Soviet republics of Central Asia, from the Caspian shore to the Tien Shan and Pamir mountains.",
    "conflict-zones": "Breakaway territories and contested regions whose status remains disputed decades after the wars that created them.",
    "eastern-europe": "Russia and the states on its western flank, from the Baltic Sea to the Black Sea.",
    "eurasian-fringe": "The powers and neighbours whose decisions shape the region, from Beijing and Tehran to Brussels, London and Washington.",
    # Caucasus
    "armenia": "A landlocked republic of about three million people, navigating war, displacement and shifting alliances.",
    "azerbaijan": "An oil- and gas-rich republic on the Caspian Sea that regained control of Nagorno-Karabakh in 2023.",
    "georgia": "A Black Sea republic whose path towards the European Union has become its central political battle.",
    # Central Asia
    "kazakhstan": "Central Asia’s largest and richest country, a major exporter of oil, uranium and grain.",
    "kyrgyzstan": "A mountainous republic known for its lively, often turbulent politics and its glaciers.",
    "tajikistan": "A mountain republic bordering Afghanistan, heavily dependent on remittances from migrant workers.",
    "turkmenistan": "One of the world’s most closed countries, sitting on vast reserves of natural gas.",
    "uzbekistan": "Central Asia’s most populous country, opening up after decades of isolation.",
    # Conflict zones
    "abkhazia": "A breakaway region of Georgia on the Black Sea coast, recognised as independent by Russia and a few other states.",
    "nagorno-karabakh": "A mountainous region of Azerbaijan with a majority-Armenian population until its exodus in September 2023.",
    "south-ossetia": "A breakaway region of Georgia, controlled by Russian-backed authorities since the 2008 war.",
    # Eastern Europe
    "belarus": "A country ruled by the same leader since 1994, where mass protests in 2020 were crushed.",
    "moldova": "A small republic between Romania and Ukraine, seeking EU membership while Transnistria remains outside its control.",
    "russia": "The former imperial centre whose war in Ukraine has reshaped its relations with every neighbour.",
    "the-baltics": "Estonia, Latvia and Lithuania: EU and NATO members and a haven for exiles from Belarus and Russia.",
    "ukraine": "A country fighting a full-scale Russian invasion since February 2022.",
    # Eurasian fringe
    "afghanistan": "Central Asia’s southern neighbour, ruled by the Taliban since August 2021.",
    "china": "The region’s largest trading partner and investor, and its most powerful eastern neighbour.",
    "eu": "The European Union, a growing buyer of the region’s energy and a partner in its trade routes.",
    "iran": "A neighbour of Armenia, Azerbaijan and Turkmenistan with deep historical and trade ties to the region.",
    "mongolia": "A vast, sparsely populated democracy between Russia and China, with a herding culture under pressure.",
    "turkey": "A regional power with close ties to the Turkic-speaking states of the Caucasus and Central Asia.",
    "united-kingdom": "A financial centre where money from the former Soviet Union has long found a home.",
    "united-states": "A distant but influential power in the region, through diplomacy, aid and security ties.",
    # Topics
    "environment": "Glaciers, rivers, air and land: the changing environment of a region on the front line of climate change.",
    "economy": "Energy, trade routes, sanctions, remittances and the livelihoods they shape.",
    "politics": "Elections, protests, parliaments and the people who hold power, and those who challenge it.",
    "security": "Wars, borders, ceasefires and the armed forces that shape the region’s fragile peace.",
    "society": "Culture, education, health, migration and everyday life across the region.",
    # Collections
    "kazakhstans-bloody-january-2022": "Our coverage of the January 2022 unrest in Kazakhstan, in which more than 200 people were killed, and its aftermath.",
    "kyrgyzstan-2020-unrest": "How a disputed election in October 2020 brought down Kyrgyzstan’s government, and what followed.",
    "american-diplomats-in-central-asia": "Conversations with former US diplomats about the early years of American embassies in Central Asia.",
    "arts-and-culture": "Music, literature, film and art from the region and its diasporas.",
    "coronavirus": "How the Covid-19 pandemic played out across the region in 2020 and 2021.",
    "student-spotlight": "Profiles of students from the region doing remarkable things, at home and abroad.",
}
