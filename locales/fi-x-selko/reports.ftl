### /oma_kehitys ja /omat_tiedot selkosuomeksi. Raportit, ilmiöt ja suunnitelmat ovat
### henkilökunnalle: ne ovat tavallisella suomella (fi/reports.ftl; bot/i18n.py, STAFF_ONLY).

# Mitä botti huomasi opiskelijan viesteistä (/omat_tiedot).
report-cue = { $category ->
    [crisis] kriisi
    [detachment] ei tunne kuuluvansa kouluun
    [absence] poissa tunneilta
    [loneliness] yksinäisyys
    [money] raha
    [sleep] uni
    [positive] hyvät asiat
    [child_protection] turvallisuus kotona
    [eating] syöminen
    [substance] alkoholi tai huumeet
    [bullying] kiusaaminen
    [hopelessness] ei toivoa
   *[other] { $category }
}

## Kaavio (tavallista tekstiä; ei emojeja)

chart-mytrend-title = Minun vastaukseni
chart-mytrend-y = 1 = huonoin, 5 = paras
chart-day-x = Päivä

## /oma_kehitys

trend-none = Et ole vielä vastannut kyselyihin. Kun vastaat, näet täällä kuvan vastauksistasi. 🌱
trend-measure = { $measure ->
    [wellbeing] Millainen viikko
    [studies] Opiskelu
    [belonging] Kuulun ryhmään
    [workplace] Olo työpaikalla
   *[other] { $measure }
}
trend-rose = { $measure ->
    [wellbeing] 🌱 Viikkosi ovat olleet viime aikoina parempia kuin ennen. Hienoa!
    [studies] 🌱 Opiskelu menee nyt paremmin kuin ennen. Hienoa!
    [belonging] 🌱 Tunnet nyt useammin, että kuulut ryhmään. Ihana kuulla!
    [workplace] 🌱 Olosi työpaikalla on nyt parempi kuin ennen. Hienoa!
   *[other] 🌱 Vastauksesi ovat nyt parempia kuin ennen. Hienoa!
}
trend-steady = { $measure ->
    [wellbeing] 💪 Sinulla on ollut hyviä viikkoja jo pitkään.
    [studies] 💪 Opiskelu on mennyt hyvin jo monta viikkoa.
    [belonging] 💪 Olet tuntenut jo monta viikkoa, että kuulut ryhmään.
    [workplace] 💪 Olosi työpaikalla on ollut hyvä jo monta viikkoa.
   *[other] 💪 Vastauksesi ovat olleet hyviä jo monta viikkoa.
}
trend-thanks = Kiitos, että olet vastannut jo { $count ->
        [one] 1 kerran
       *[other] { $count } kertaa
    }. Jokainen vastaus auttaa omavalmentajaasi tukemaan sinua.
trend-privacy = Tässä ovat vain sinun vastauksesi. Kukaan muu ei näe tätä kuvaa.
