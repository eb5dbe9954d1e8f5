# Kun palvelu ei toimi tavalliseen tapaan. Selkosuomi.

storage-down =
    Sain viestisi. Minulla on nyt tekninen vika. En voi tallentaa mitään. Luen viestisi heti, kun vika on korjattu. Sinun ei tarvitse kirjoittaa viestiä uudelleen. Siihen asti kukaan koulussa ei näe viestiäsi.

    Tarvitsetko apua nyt? Jos on hätä, soita 112. { -mieli-line } { -mieli-number } on auki aina.
rate-limited =
    Saan nyt tosi paljon viestejä. En ehdi vastata jokaiseen. Odota vähän. Kirjoita sitten uudelleen.

    Jos sinulla on hätä, soita 112. Tai soita { -mieli-line(case: "illative") } { -mieli-number }.
