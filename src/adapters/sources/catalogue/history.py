"""History: social and economic history, nations and empires, and the history of Ukraine
and Eastern Europe."""

from adapters.sources.catalogue.entry import work

HISTORY = "history, історія, история, storia, historiography, історіографія, историография"
UKRAINE = ("Ukraine, Україна, України, Украина, Украины, history of Ukraine, історія України, "
           "история Украины, Eastern Europe, Східна Європа, Восточная Европа")

HISTORY_WORKS = (
    work("Time, work-discipline, and industrial capitalism", ("E. P. Thompson",), 1967,
         "Past & Present", "10.1093/past/38.1.56",
         summary="Traces how the spread of clocks, factory work and the puritan ethic "
                 "replaced task-oriented time with time measured and sold as labour in "
                 "eighteenth- and nineteenth-century England.",
         keywords=f"{HISTORY}, social history, industrial revolution, labour, work, time, "
                  "промислова революція, промышленная революция, праця, труд"),
    work("The moral economy of the English crowd in the eighteenth century",
         ("E. P. Thompson",), 1971, "Past & Present", "10.1093/past/50.1.76",
         summary="Argues that eighteenth-century food riots were not spasmodic reactions to "
                 "hunger but disciplined actions legitimised by a popular moral economy of "
                 "fair prices and just dealing.",
         keywords=f"{HISTORY}, social history, moral economy, riots, protest, England, "
                  "моральна економіка, моральная экономика"),
    work("The machine breakers", ("E. J. Hobsbawm",), 1952, "Past & Present",
         "10.1093/past/1.1.57",
         summary="Reinterprets machine-breaking by English workers such as the Luddites as "
                 "collective bargaining by riot, a rational tactic of pressure on employers, "
                 "rather than blind hostility to machines.",
         keywords=f"{HISTORY}, Luddites, labour history, industrial revolution, machines, "
                  "луддити, луддиты"),
    work("Agrarian class structure and economic development in pre-industrial Europe",
         ("Robert Brenner",), 1976, "Past & Present", "10.1093/past/70.1.30",
         summary="Argues against demographic explanations that class relations and struggles "
                 "between lords and peasants determined the divergent agrarian development of "
                 "eastern and western Europe, starting the Brenner debate.",
         keywords=f"{HISTORY}, economic history, agrarian history, feudalism, peasants, "
                  "transition to capitalism, феодалізм, феодализм, селянство, крестьянство"),
    work("The industrial revolution and the industrious revolution", ("Jan de Vries",), 1994,
         "The Journal of Economic History", "10.1017/S0022050700014467",
         summary="Argues that before the industrial revolution households in north-western "
                 "Europe worked more and sold more on markets in order to buy consumer "
                 "goods, an industrious revolution that raised demand.",
         keywords=f"{HISTORY}, economic history, industrial revolution, consumption, "
                  "households, економічна історія, экономическая история"),
    work("The historical roots of our ecologic crisis", ("Lynn White Jr.",), 1967, "Science",
         "10.1126/science.155.3767.1203",
         summary="Argues that the ecological crisis has roots in medieval Western "
                 "Christianity's view of humanity's dominion over nature, which shaped "
                 "Western science and technology, and proposes Saint Francis as a patron of "
                 "ecologists.",
         keywords=f"{HISTORY}, environmental history, religion, technology, ecology, "
                  "екологія, экология"),
    work("Gender: A useful category of historical analysis", ("Joan W. Scott",), 1986,
         "The American Historical Review", "10.2307/1864376",
         summary="Argues that gender, the social organisation of sexual difference and a "
                 "primary way of signifying relationships of power, should be a central "
                 "category of historical analysis beyond women's history.",
         keywords=f"{HISTORY}, gender history, women's history, gender, гендер, історія "
                  "жінок, история женщин"),
    work("Imagined Communities: Reflections on the Origin and Spread of Nationalism",
         ("Benedict Anderson",), 1983, "Verso", None,
         summary="Argues that nations are imagined political communities, made possible by "
                 "print capitalism, which let readers of the same vernacular imagine "
                 "themselves as one people.",
         keywords=f"{HISTORY}, nationalism, nation, national identity, націоналізм, "
                  "национализм, нація, нация, ідентичність"),
    work("The Invention of Tradition", ("Eric Hobsbawm", "Terence Ranger"), 1983,
         "Cambridge University Press", None,
         summary="Essays showing that many traditions that appear ancient, such as Scottish "
                 "Highland dress and British royal ritual, were invented in the nineteenth "
                 "and twentieth centuries to serve national and imperial purposes.",
         keywords=f"{HISTORY}, tradition, nationalism, invented traditions, традиції, "
                  "традиции"),
    work("Orientalism", ("Edward W. Said",), 1978, "Pantheon Books", None,
         summary="Argues that Western scholarship, literature and politics constructed the "
                 "Orient as an exotic, inferior other, a discourse bound up with colonial "
                 "power.",
         keywords=f"{HISTORY}, orientalism, colonialism, postcolonial studies, "
                  "орієнталізм, ориентализм, колоніалізм, колониализм"),
    work("The Great Divergence: China, Europe, and the Making of the Modern World Economy",
         ("Kenneth Pomeranz",), 2000, "Princeton University Press", None,
         summary="Argues that the Yangzi delta and England were economically comparable until "
                 "about 1800, and that Europe pulled ahead thanks to accessible coal and the "
                 "resources of the Americas rather than long-standing advantages.",
         keywords=f"{HISTORY}, economic history, great divergence, China, Europe, global "
                  "history, Китай, глобальна історія"),
    work("The Harvest of Sorrow: Soviet Collectivization and the Terror-Famine",
         ("Robert Conquest",), 1986, "Oxford University Press", None,
         summary="A history of Soviet collectivisation, dekulakisation and the famine of "
                 "1932-1933, which struck Ukraine hardest and which Conquest presents as "
                 "man-made.",
         keywords=f"{HISTORY}, {UKRAINE}, Holodomor, Голодомор, famine, голод, "
                  "collectivization, колективізація, коллективизация, Soviet Union, СРСР, "
                  "СССР"),
    work("Bloodlands: Europe Between Hitler and Stalin", ("Timothy Snyder",), 2010,
         "Basic Books", None,
         summary="A history of the mass killings carried out by the Soviet and Nazi regimes "
                 "between 1933 and 1945 in the lands between Germany and Russia, among them "
                 "Ukraine, Belarus, Poland and the Baltic states.",
         keywords=f"{HISTORY}, {UKRAINE}, Holocaust, Голокост, Holodomor, Голодомор, Second "
                  "World War, Друга світова війна, Вторая мировая война, Stalin, Hitler"),
    work("Ukraine: A History", ("Orest Subtelny",), 1988, "University of Toronto Press", None,
         summary="A survey of Ukrainian history from ancient times and Kyivan Rus' through "
                 "the Cossack era and imperial rule to the Soviet period.",
         keywords=f"{HISTORY}, {UKRAINE}, Kyivan Rus, Київська Русь, Киевская Русь, "
                  "Cossacks, козацтво, казачество"),
    work("The Gates of Europe: A History of Ukraine", ("Serhii Plokhy",), 2015, "Basic Books",
         None,
         summary="A history of Ukraine from antiquity to the Revolution of Dignity and the "
                 "war of 2014, presenting it as a borderland shaped by shifting empires and "
                 "its own national movement.",
         keywords=f"{HISTORY}, {UKRAINE}, national identity, independence, незалежність, "
                  "независимость, Revolution of Dignity, Революція гідності"),
)
