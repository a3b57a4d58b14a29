"""Finance: portfolios and asset pricing, markets, corporate finance and banking."""

from adapters.sources.catalogue.entry import work

FINANCE = "finance, фінанси, финансы, finanza"
MARKETS = ("stock market, capital markets, фондовий ринок, фондовый рынок, ринок капіталу, "
           "рынок капитала, asset pricing, ціноутворення активів")

FINANCE_WORKS = (
    work("Portfolio selection", ("Harry Markowitz",), 1952, "The Journal of Finance",
         "10.1111/j.1540-6261.1952.tb01525.x",
         summary="Argues that investors should choose portfolios by the trade-off between "
                 "expected return and variance rather than by expected return alone, and "
                 "shows how diversification across imperfectly correlated securities lowers "
                 "risk. It founded modern portfolio theory.",
         keywords=f"{FINANCE}, {MARKETS}, portfolio theory, diversification, risk, "
                  "інвестиційний портфель, инвестиционный портфель, інвестиції, инвестиции"),
    work("Capital asset prices: A theory of market equilibrium under conditions of risk",
         ("William F. Sharpe",), 1964, "The Journal of Finance",
         "10.1111/j.1540-6261.1964.tb02865.x",
         summary="Derives the capital asset pricing model: in equilibrium, an asset's "
                 "expected return is linear in its systematic risk, the covariance of its "
                 "return with the market portfolio, because other risk can be diversified "
                 "away.",
         keywords=f"{FINANCE}, {MARKETS}, CAPM, systematic risk, beta, market equilibrium"),
    work("Efficient capital markets: A review of theory and empirical work",
         ("Eugene F. Fama",), 1970, "The Journal of Finance",
         "10.1111/j.1540-6261.1970.tb00518.x",
         summary="Defines an efficient market as one whose prices fully reflect available "
                 "information, distinguishes weak, semi-strong and strong forms of the "
                 "hypothesis, and reviews the evidence, which largely supports the weak and "
                 "semi-strong forms.",
         keywords=f"{FINANCE}, {MARKETS}, efficient market hypothesis, market efficiency, "
                  "ефективність ринку, эффективность рынка"),
    work("Common risk factors in the returns on stocks and bonds",
         ("Eugene F. Fama", "Kenneth R. French"), 1993, "Journal of Financial Economics",
         "10.1016/0304-405X(93)90023-5",
         summary="Identifies three stock-market factors, the market, firm size and "
                 "book-to-market equity, and two bond-market factors that together explain "
                 "average returns on stocks and bonds. This is the Fama-French three-factor "
                 "model.",
         keywords=f"{FINANCE}, {MARKETS}, three-factor model, risk factors, stock returns, "
                  "bonds, облігації, облигации"),
    work("On persistence in mutual fund performance", ("Mark M. Carhart",), 1997,
         "The Journal of Finance", "10.1111/j.1540-6261.1997.tb03808.x",
         summary="Finds that the persistence of US mutual fund returns is almost entirely "
                 "explained by common factors, including momentum, and by expenses and "
                 "trading costs, leaving little evidence of skilled fund managers.",
         keywords=f"{FINANCE}, {MARKETS}, mutual funds, momentum, fund performance, "
                  "інвестиційні фонди, инвестиционные фонды"),
    work("Returns to buying winners and selling losers: Implications for stock market "
         "efficiency", ("Narasimhan Jegadeesh", "Sheridan Titman"), 1993,
         "The Journal of Finance", "10.1111/j.1540-6261.1993.tb04702.x",
         summary="Shows that buying stocks that performed well over the past three to twelve "
                 "months and selling those that performed poorly earns significant abnormal "
                 "returns over the following year, the momentum effect.",
         keywords=f"{FINANCE}, {MARKETS}, momentum, market efficiency, trading strategies"),
    work("The pricing of options and corporate liabilities", ("Fischer Black", "Myron Scholes"),
         1973, "Journal of Political Economy", "10.1086/260062",
         summary="Derives a formula for the price of a European option by forming a riskless "
                 "hedge of the option and its underlying stock. The Black-Scholes model also "
                 "values corporate liabilities such as equity and bonds as options.",
         keywords=f"{FINANCE}, {MARKETS}, options, derivatives, option pricing, деривативи, "
                  "производные финансовые инструменты, опціони, опционы"),
    work("The cost of capital, corporation finance and the theory of investment",
         ("Franco Modigliani", "Merton H. Miller"), 1958, "American Economic Review", None,
         summary="Proves that, in perfect capital markets, a firm's market value and its "
                 "average cost of capital do not depend on how it is financed between debt "
                 "and equity. The Modigliani-Miller theorem is the starting point of "
                 "capital-structure theory.",
         keywords=f"{FINANCE}, corporate finance, capital structure, cost of capital, debt, "
                  "корпоративні фінанси, корпоративные финансы, структура капіталу"),
    work("Corporate financing and investment decisions when firms have information that "
         "investors do not have", ("Stewart C. Myers", "Nicholas S. Majluf"), 1984,
         "Journal of Financial Economics", "10.1016/0304-405X(84)90023-0",
         summary="Shows that when managers know more than investors about the firm's value, "
                 "issuing shares signals bad news, so firms prefer internal funds, then debt, "
                 "then equity (the pecking order) and may pass up good investments.",
         keywords=f"{FINANCE}, corporate finance, pecking order, asymmetric information, "
                  "capital structure, investment decisions"),
    work("Bank runs, deposit insurance, and liquidity",
         ("Douglas W. Diamond", "Philip H. Dybvig"), 1983, "Journal of Political Economy",
         "10.1086/261155",
         summary="Models banks as providers of liquidity that transform illiquid assets into "
                 "demand deposits. This exposes them to self-fulfilling runs, which deposit "
                 "insurance or suspension of convertibility can prevent.",
         keywords=f"{FINANCE}, banking, bank runs, deposit insurance, liquidity, financial "
                  "crises, банки, банківська система, банковская система, фінансова криза, "
                  "финансовый кризис"),
    work("A survey of corporate governance", ("Andrei Shleifer", "Robert W. Vishny"), 1997,
         "The Journal of Finance", "10.1111/j.1540-6261.1997.tb04820.x",
         summary="Surveys how the suppliers of finance to firms assure themselves of a return, "
                 "through legal protection of investors and concentrated ownership, and "
                 "compares corporate governance across the world.",
         keywords=f"{FINANCE}, corporate governance, investor protection, ownership, "
                  "корпоративне управління, корпоративное управление"),
    work("Autoregressive conditional heteroscedasticity with estimates of the variance of "
         "United Kingdom inflation", ("Robert F. Engle",), 1982, "Econometrica",
         "10.2307/1912773",
         summary="Introduces ARCH models, in which the variance of a time series' shocks "
                 "depends on past shocks, and estimates one for UK inflation. The approach "
                 "became standard for modelling volatility in financial markets.",
         keywords=f"{FINANCE}, ARCH, volatility, time series, econometrics, inflation, "
                  "волатильність, волатильность, економетрика, эконометрика"),
)
