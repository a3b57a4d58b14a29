"""Electrical and control engineering, signals and communication."""

from adapters.sources.catalogue.entry import work

ENGINEERING = (
    work("A mathematical theory of communication", ("Claude E. Shannon",), 1948,
         "Bell System Technical Journal", "10.1002/j.1538-7305.1948.tb01338.x",
         summary="Founds information theory. Shannon defines the information produced by a "
                 "source as its entropy, shows how far messages can be compressed, and proves "
                 "that a noisy channel has a capacity below which information can be sent "
                 "with arbitrarily small error.",
         keywords="information theory, entropy, communication, channel capacity, coding, "
                  "теорія інформації, теория информации, ентропія, энтропия, teoria "
                  "dell'informazione, telecommunications"),
    work("Certain topics in telegraph transmission theory", ("Harry Nyquist",), 1928,
         "Transactions of the American Institute of Electrical Engineers",
         "10.1109/T-AIEE.1928.5055024",
         summary="Analyses how fast independent pulses can be sent over a telegraph channel "
                 "of limited bandwidth. It shows that a channel of bandwidth B carries at most "
                 "2B independent pulses per second, a result behind the later sampling "
                 "theorem.",
         keywords="signal transmission, bandwidth, sampling theorem, telegraphy, signal "
                  "processing, передача сигналів, передача сигналов, телеграф"),
    work("A new approach to linear filtering and prediction problems", ("R. E. Kalman",),
         1960, "Journal of Basic Engineering", "10.1115/1.3662552",
         summary="Introduces what became the Kalman filter: a recursive estimator of the "
                 "state of a linear dynamic system from noisy measurements, formulated in "
                 "state-space terms. It replaced frequency-domain Wiener filtering in "
                 "navigation, tracking and control.",
         keywords="Kalman filter, estimation, filtering, state space, control theory, "
                  "navigation, фільтр Калмана, фильтр Калмана, теорія керування, теория "
                  "управления"),
    work("An algorithm for the machine calculation of complex Fourier series",
         ("James W. Cooley", "John W. Tukey"), 1965, "Mathematics of Computation",
         "10.1090/S0025-5718-1965-0178586-1",
         summary="Presents the fast Fourier transform, computing an N-point discrete Fourier "
                 "transform in on the order of N log N operations instead of N squared. The "
                 "algorithm made spectral analysis practical in signal processing and "
                 "numerical computing.",
         keywords="fast Fourier transform, FFT, signal processing, algorithms, spectral "
                  "analysis, перетворення Фур'є, преобразование Фурье, обробка сигналів, "
                  "обработка сигналов"),
    work("Optimum settings for automatic controllers", ("J. G. Ziegler", "N. B. Nichols"),
         1942, "Transactions of the ASME", "10.1115/1.4019264",
         summary="Gives practical rules for tuning proportional, integral and derivative "
                 "controller settings from simple plant tests, such as the gain at which the "
                 "loop sustains oscillation. The Ziegler-Nichols rules remain a standard "
                 "starting point for PID tuning in industry.",
         keywords="PID controller, control engineering, automatic control, tuning, process "
                  "control, автоматичне керування, автоматическое управление, регулятор, "
                  "automation, автоматизація, автоматизация"),
)
