# Kun palvelu ei toimi tavalliseen tapaan: tallennusvika, liian tiheät viestit.

storage-down =
    Sain viestisi, mutta en pysty juuri nyt tallentamaan mitään teknisen vian takia. Käsittelen viestisi heti, kun vika on korjattu – sinun ei tarvitse kirjoittaa sitä uudelleen. Siihen asti kukaan koulussa ei näe viestiäsi.

    Jos tarvitset apua nyt: hätätilanteessa soita 112. { -mieli-line } { -mieli-number } päivystää ympäri vuorokauden.
storage-recovered-coordinator =
    ⚠️ <b>Kohtaamo ei pystynyt tallentamaan tietoja { $from }–{ $to }</b> (levy täynnä tai ei kirjoitusoikeutta).

    Jokainen, joka kirjoitti sinä aikana, sai siitä suoraan viestin. Silloin tulleet viestit käsitellään nyt. Tarkista palvelimen levytila ja lokit, ettei sama toistu.
rate-limited =
    Viestejä tulee nyt tosi tiuhaan, joten en ehdi vastata jokaiseen. Odota hetki ja kirjoita sitten uudelleen.

    Jos olet hädässä, soita 112 tai { -mieli-line(case: "illative") } { -mieli-number }.
