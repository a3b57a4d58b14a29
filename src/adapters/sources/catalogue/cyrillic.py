"""Classic works written in Russian and Ukrainian, listed under their original titles
(they predate DOIs)."""

from adapters.sources.catalogue.entry import work

CYRILLIC_WORKS = (
    work("Пример статистического исследования над текстом «Евгения Онегина», "
         "иллюстрирующий связь испытаний в цепь", ("А. А. Марков",), 1913,
         "Известия Императорской Академии наук. VI серия", None,
         summary="Markov counts the alternation of vowels and consonants in the first 20,000 "
                 "letters of Pushkin's Eugene Onegin and shows that successive letters are "
                 "dependent: the first application of what are now called Markov chains.",
         keywords="probability theory, Markov chains, statistics, linguistics, теорія "
                  "ймовірностей, теория вероятностей, ланцюги Маркова, цепи Маркова, "
                  "статистика, Пушкин"),
    work("Локальная структура турбулентности в несжимаемой вязкой жидкости при очень больших "
         "числах Рейнольдса", ("А. Н. Колмогоров",), 1941, "Доклады Академии наук СССР", None,
         summary="Kolmogorov's theory of locally isotropic turbulence: at very high Reynolds "
                 "numbers the statistics of small-scale motions depend only on the energy "
                 "dissipation rate and viscosity, which gives the two-thirds law for velocity "
                 "differences.",
         keywords="turbulence, fluid mechanics, hydrodynamics, турбулентність, "
                  "турбулентность, гідродинаміка, гидродинамика, механіка рідини"),
    work("Три подхода к определению понятия «количество информации»", ("А. Н. Колмогоров",),
         1965, "Проблемы передачи информации", None,
         summary="Compares combinatorial, probabilistic and algorithmic definitions of the "
                 "amount of information and introduces the algorithmic one, the length of the "
                 "shortest program producing an object, now called Kolmogorov complexity.",
         keywords="information theory, algorithmic complexity, Kolmogorov complexity, теорія "
                  "інформації, теория информации, кількість інформації, количество "
                  "информации"),
    work("Большие циклы конъюнктуры", ("Н. Д. Кондратьев",), 1925, "Вопросы конъюнктуры",
         None,
         summary="Kondratiev analyses price, interest, wage and production series of England, "
                 "France and the United States and identifies long waves of economic activity "
                 "of about fifty years.",
         keywords="business cycles, long waves, Kondratiev waves, economic cycles, economics, "
                  "економічні цикли, экономические циклы, довгі хвилі, длинные волны, "
                  "кон'юнктура, конъюнктура"),
    work("Промышленные кризисы в современной Англии, их причины и влияние на народную жизнь",
         ("М. И. Туган-Барановский",), 1894, "Санкт-Петербург", None,
         summary="Tugan-Baranovsky's study of English industrial crises of the nineteenth "
                 "century, which explains them by the uneven movement of investment in fixed "
                 "capital rather than by underconsumption.",
         keywords="business cycles, economic crises, investment, economic history, economics, "
                  "економічні кризи, экономические кризисы, промислові кризи, Туган-Барановський"),
    work("Организация крестьянского хозяйства", ("А. В. Чаянов",), 1925,
         "Кооперативное издательство", None,
         summary="Chayanov's theory of the peasant family farm: worked by family labour "
                 "rather than hired hands, it balances the drudgery of work against the "
                 "family's consumption needs instead of maximising profit.",
         keywords="peasant economy, family farm, agriculture, agrarian economics, small farms, "
                  "селянське господарство, крестьянское хозяйство, сільське господарство, "
                  "сельское хозяйство, фермерство, кооперація, кооперация"),
    work("Мышление и речь", ("Л. С. Выготский",), 1934, "Соцэкгиз", None,
         summary="Vygotsky's study of the relation between thought and language in child "
                 "development: inner speech grows out of social speech, and scientific "
                 "concepts develop through instruction.",
         keywords="psychology, child development, thought and language, education, "
                  "психологія, психология, мислення, мышление, мовлення, речь, розвиток "
                  "дитини, развитие ребенка, Виготський"),
    work("Морфология сказки", ("В. Я. Пропп",), 1928, "Academia", None,
         summary="Propp analyses a hundred Russian wondertales and shows that they are built "
                 "from the same sequence of at most thirty-one functions of the dramatis "
                 "personae.",
         keywords="folklore, narratology, fairy tales, literary theory, фольклор, казки, "
                  "сказки, наратологія, нарратология, літературознавство, "
                  "литературоведение"),
    work("Історія України-Руси", ("Михайло Грушевський",), 1898,
         "Наукове товариство імені Шевченка", None,
         summary="The first volume of Hrushevsky's ten-volume history of Ukraine, which "
                 "presents the Ukrainian people's history as continuous from Kyivan Rus' "
                 "onwards, distinct from Russia's.",
         keywords="history, history of Ukraine, Kyivan Rus, історія, історія України, "
                  "Україна, України, Київська Русь, история Украины, Украина, Грушевський"),
)
