"""Civil and structural engineering: bridges, wind and earthquake loading, structural
dynamics and monitoring."""

from adapters.sources.catalogue.entry import work

BRIDGE = ("bridge, bridges, bridge engineering, міст, мости, мостів, мостобудування, мост, "
          "мосты, мостов, мостостроение, ponte, ponti")
SUSPENSION = ("suspension bridge, cable-supported bridges, підвісний міст, підвісні мости, "
              "висячий мост, висячие мосты, ponte sospeso, ponti sospesi")

STRUCTURES = (
    work("Resonance, Tacoma Narrows bridge failure, and undergraduate physics textbooks",
         ("K. Yusuf Billah", "Robert H. Scanlan"), 1991, "American Journal of Physics",
         "10.1119/1.16590",
         summary="Argues that the 1940 collapse of the Tacoma Narrows suspension bridge was "
                 "not a case of ordinary forced resonance, as physics textbooks often claim. "
                 "The authors explain it instead as aeroelastic flutter: a self-excited "
                 "torsional oscillation in which the wind feeds energy into the deck's own "
                 "motion.",
         keywords=f"{BRIDGE}, {SUSPENSION}, Tacoma Narrows, flutter, aeroelasticity, wind, "
                  "resonance, collapse, аероеластичність, флатер, резонанс, аэроупругость"),
    work("Airfoil and bridge deck flutter derivatives", ("Robert H. Scanlan", "J. J. Tomko"),
         1971, "Journal of the Engineering Mechanics Division", None,
         summary="Introduces flutter derivatives: coefficients, measured in wind-tunnel tests "
                 "on section models, that describe the self-excited aerodynamic lift and "
                 "moment on an oscillating airfoil or bridge deck. The formulation became the "
                 "standard basis for predicting the flutter stability of long-span bridges.",
         keywords=f"{BRIDGE}, {SUSPENSION}, flutter derivatives, aeroelastic stability, wind "
                  "tunnel, bridge deck, aerodynamics, long-span bridges, аеродинаміка, "
                  "аэродинамика, вітрове навантаження, ветровая нагрузка"),
    work("The failure of the Tacoma Narrows Bridge",
         ("Othmar H. Ammann", "Theodore von Kármán", "Glenn B. Woodruff"), 1941,
         "Federal Works Agency", None,
         summary="The official board of engineers' report on the collapse of the Tacoma "
                 "Narrows Bridge in November 1940. It describes the bridge's design and its "
                 "oscillations before failure and concludes that the slender, shallow deck "
                 "was aerodynamically unstable, calling for wind-tunnel study of future "
                 "suspension bridges.",
         keywords=f"{BRIDGE}, {SUSPENSION}, Tacoma Narrows, failure investigation, collapse, "
                  "wind, aerodynamic instability, аварія, обрушение"),
    work("Cable Supported Bridges: Concept and Design",
         ("Niels J. Gimsing", "Christos T. Georgakis"), 2012, "John Wiley & Sons", None,
         summary="A textbook on the conceptual design of suspension and cable-stayed bridges. "
                 "It treats cable systems, pylons, decks, anchorages and erection, and the "
                 "static and aerodynamic behaviour that governs long spans.",
         keywords=f"{BRIDGE}, {SUSPENSION}, cable-stayed bridge, вантовий міст, вантовые "
                  "мосты, ponte strallato, cables, pylons, bridge design, проєктування мостів, "
                  "проектирование мостов"),
    work("Cable Structures", ("H. Max Irvine",), 1981, "MIT Press", None,
         summary="A monograph on the mechanics of cables and cable-supported structures. It "
                 "derives the static response of suspended cables under load, their natural "
                 "vibrations, and applies the theory to suspension bridges and guyed "
                 "structures.",
         keywords=f"{BRIDGE}, {SUSPENSION}, cables, cable mechanics, vibrations, кабелі, "
                  "ванти, тросы, канаты, коливання, колебания"),
    work("Wind Effects on Structures: Fundamentals and Applications to Design",
         ("Emil Simiu", "Robert H. Scanlan"), 1996, "John Wiley & Sons", None,
         summary="A reference text on wind engineering. It covers atmospheric boundary-layer "
                 "winds, wind loads on buildings, aeroelastic phenomena such as vortex "
                 "shedding, galloping and flutter, and their treatment in the design of tall "
                 "buildings and long-span bridges.",
         keywords=f"{BRIDGE}, {SUSPENSION}, wind engineering, wind loads, aeroelasticity, "
                  "vortex shedding, tall buildings, вітрове навантаження, ветровые нагрузки, "
                  "carico del vento"),
    work("Seismic Design and Retrofit of Bridges",
         ("M. J. Nigel Priestley", "Frieder Seible", "Gian Michele Calvi"), 1996,
         "John Wiley & Sons", None,
         summary="A book on designing new bridges and strengthening existing ones against "
                 "earthquakes. It presents capacity design, the ductility of reinforced "
                 "concrete columns, analysis methods and retrofit techniques such as column "
                 "jacketing, drawing on damage seen in recent earthquakes.",
         keywords=f"{BRIDGE}, seismic design, earthquake engineering, retrofit, reinforced "
                  "concrete, сейсмостійкість, сейсмостойкость, землетрус, землетрясение, "
                  "progettazione sismica"),
    work("Technology developments in structural health monitoring of large-scale bridges",
         ("J. M. Ko", "Y. Q. Ni"), 2005, "Engineering Structures", None,
         summary="Reviews the sensing, data acquisition and data-processing technology of the "
                 "monitoring systems installed on long-span cable-supported bridges in Hong "
                 "Kong and mainland China. It discusses how the measured responses are used "
                 "for modal identification, damage detection and the assessment of bridge "
                 "condition.",
         keywords=f"{BRIDGE}, {SUSPENSION}, structural health monitoring, SHM, sensors, "
                  "damage detection, моніторинг технічного стану, мониторинг технического "
                  "состояния, monitoraggio strutturale"),
    work("An introduction to structural health monitoring",
         ("Charles R. Farrar", "Keith Worden"), 2007,
         "Philosophical Transactions of the Royal Society A", "10.1098/rsta.2006.1928",
         summary="Introduces structural health monitoring as a statistical pattern-recognition "
                 "problem: operational evaluation, data acquisition, feature extraction and "
                 "statistical modelling to tell damaged from undamaged structures. It "
                 "outlines the state of the art and the main open challenges.",
         keywords="structural health monitoring, SHM, damage detection, pattern recognition, "
                  "civil infrastructure, моніторинг конструкцій, мониторинг конструкций, "
                  "діагностика, диагностика"),
    work("Structural health monitoring of civil infrastructure", ("J. M. W. Brownjohn",), 2007,
         "Philosophical Transactions of the Royal Society A", "10.1098/rsta.2006.1925",
         summary="Surveys the history, technology and practice of monitoring civil "
                 "structures such as bridges, buildings, towers and dams. It explains what "
                 "monitoring systems measure, how the data inform the management of ageing "
                 "infrastructure, and where the field still falls short.",
         keywords=f"{BRIDGE}, structural health monitoring, civil infrastructure, buildings, "
                  "dams, інфраструктура, инфраструктура, моніторинг, мониторинг"),
    work("A summary review of vibration-based damage identification methods",
         ("Scott W. Doebling", "Charles R. Farrar", "Michael B. Prime"), 1998,
         "The Shock and Vibration Digest", "10.1177/058310249803000201",
         summary="Reviews methods that detect, locate and quantify damage in structures from "
                 "changes in their measured vibration characteristics: natural frequencies, "
                 "mode shapes, flexibility and model updating. It compares their sensitivity "
                 "and limitations in applications to bridges and other structures.",
         keywords=f"{BRIDGE}, damage identification, vibration, modal analysis, natural "
                  "frequencies, structural dynamics, коливання, колебания, пошкодження, "
                  "повреждения"),
    work("One-year monitoring of the Z24-Bridge: environmental effects versus damage events",
         ("Bart Peeters", "Guido De Roeck"), 2001, "Earthquake Engineering & Structural Dynamics",
         "10.1002/1096-9845(200102)30:2<149::AID-EQE1>3.0.CO;2-Z",
         summary="Reports a year of vibration monitoring of the Z24 concrete highway bridge in "
                 "Switzerland before it was deliberately damaged. Temperature changed the "
                 "natural frequencies by several per cent, so the authors model this "
                 "environmental variability in order to separate real damage from it.",
         keywords=f"{BRIDGE}, Z24, structural health monitoring, temperature effects, modal "
                  "parameters, damage detection, температура, моніторинг, мониторинг"),
    work("Long-term monitoring and data analysis of the Tamar Bridge",
         ("Elizabeth J. Cross", "Ki-Young Koo", "James M. W. Brownjohn", "Keith Worden"),
         2013, "Mechanical Systems and Signal Processing", "10.1016/j.ymssp.2012.08.026",
         summary="Analyses several years of monitoring data from the Tamar suspension bridge "
                 "in England. It shows how temperature and traffic drive changes in the "
                 "bridge's natural frequencies and removes these effects with cointegration, "
                 "so that departures from normal behaviour can be detected.",
         keywords=f"{BRIDGE}, {SUSPENSION}, Tamar Bridge, structural health monitoring, "
                  "cointegration, environmental variability, моніторинг, мониторинг"),
    work("Crowd synchrony on the Millennium Bridge",
         ("Steven H. Strogatz", "Daniel M. Abrams", "Allan McRobie", "Bruno Eckhardt",
          "Edward Ott"), 2005, "Nature", "10.1038/438043a",
         summary="Models the sideways wobble of London's Millennium footbridge on its opening "
                 "day in 2000. Treating pedestrians as oscillators coupled through the "
                 "moving deck, it shows how, above a critical crowd size, walkers fall into "
                 "step and amplify the swaying.",
         keywords=f"{BRIDGE}, footbridge, pedestrian bridge, Millennium Bridge, synchronisation, "
                  "pedestrian loading, vibration, пішохідний міст, пешеходный мост, коливання, "
                  "колебания"),
    work("A method of computation for structural dynamics", ("Nathan M. Newmark",), 1959,
         "Journal of the Engineering Mechanics Division", "10.1061/JMCEA3.0000098",
         summary="Presents a step-by-step numerical integration method for the dynamic "
                 "response of structures to blast, earthquake and other time-varying loads. "
                 "Its family of schemes, now known as the Newmark-beta method, trades "
                 "accuracy against stability through two parameters.",
         keywords="structural dynamics, numerical integration, time integration, earthquake, "
                  "dynamic response, динаміка споруд, динамика сооружений, numerical methods"),
    work("Stiffness and deflection analysis of complex structures",
         ("M. J. Turner", "R. W. Clough", "H. C. Martin", "L. J. Topp"), 1956,
         "Journal of the Aeronautical Sciences", "10.2514/8.3664",
         summary="Develops a method for computing the stiffness and deflections of complex "
                 "structures by assembling simple triangular and rectangular elements, "
                 "written for the analysis of aircraft wings. It is regarded as a founding "
                 "paper of the finite element method.",
         keywords="finite element method, FEM, stiffness, structural analysis, метод "
                  "скінченних елементів, метод конечных элементов, elementi finiti"),
    work("Theoretical stress-strain model for confined concrete",
         ("J. B. Mander", "M. J. N. Priestley", "R. Park"), 1988,
         "Journal of Structural Engineering",
         "10.1061/(ASCE)0733-9445(1988)114:8(1804)",
         summary="Proposes a stress-strain model for concrete confined by transverse "
                 "reinforcement in columns of circular or rectangular section, under "
                 "monotonic and cyclic loading. The model, calibrated on tests, is widely "
                 "used in the seismic analysis of reinforced concrete members.",
         keywords="reinforced concrete, confined concrete, stress-strain model, columns, "
                  "seismic, залізобетон, железобетон, бетон, calcestruzzo armato"),
    work("Incremental dynamic analysis", ("Dimitrios Vamvatsikos", "C. Allin Cornell"), 2002,
         "Earthquake Engineering & Structural Dynamics", "10.1002/eqe.141",
         summary="Defines incremental dynamic analysis: a structural model is subjected to a "
                 "suite of earthquake records, each scaled to increasing intensities, to "
                 "trace its response from elastic behaviour to collapse. The resulting "
                 "curves support performance-based earthquake engineering.",
         keywords="earthquake engineering, seismic performance, nonlinear dynamic analysis, "
                  "collapse, сейсмічний аналіз, сейсмический анализ, землетрус, "
                  "землетрясение"),
)
