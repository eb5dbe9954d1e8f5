# Checked against DESIGN.md on 2026-11-23 — verify numbers and hours before each term (they change).
# Kriisiyhteystiedot: lähetetään heti, kun vapaassa tekstissä on kriisiin viittaavaa (DESIGN.md §5).
# Numerot tavallisena tekstinä. Päivitä myös crisis-checked, kun tarkistat tiedot.

crisis-contacts =
    Jos sinulla on nyt hätä tai tosi paha olla, et ole yksin. Näistä saat apua – soita tai kirjoita:

    🆘 <b>112</b> – hätänumero, jos sinä tai joku muu on vaarassa juuri nyt.
    📞 <b>MIELI Kriisipuhelin 09 2525 0111</b> – suomeksi, auki aina (24/7). Voit soittaa myös, jos mietit itsemurhaa. Ruotsiksi: 09 2525 0112 (auki tiettyinä aikoina).
    📞 <b>MLL:n Lasten ja nuorten puhelin 116 111</b> – maksuton, joka päivä. Chat: nuortennetti.fi
    💬 <b>Sekasin-chat</b> – nimetön chat 12–29-vuotiaille: sekasin.fi (katso aukioloajat sivulta).
    📞 <b>Nollalinja 080 005 005</b> – jos kohtaat väkivaltaa lähisuhteessa. Maksuton, auki aina (24/7).
    📞 <b>Poikien puhelin 0800 94884</b> – alle 20-vuotiaille pojille ja nuorille miehille. Maksuton ja nimetön, arkisin.

    Voit aina kertoa myös omavalmentajallesi tai muulle aikuiselle, johon luotat.
crisis-checked = 23.11.2026

# Kriisivastauksen ydin (kriisityön järjestys): vaara nyt → kriisipuhelin → älä jää yksin.
# Koko luettelo on /apua-komennon takana (crisis-contacts).
crisis-now =
    🆘 Jos olet vaarassa juuri nyt, soita <b>112</b>.
    📞 <b>MIELI Kriisipuhelin 09 2525 0111</b> – päivystää aina. Voit soittaa heti, myös jos mietit itsemurhaa.
    💬 Jos kirjoittaminen on helpompaa: <b>Sekasin-chat</b>, sekasin.fi.
    Älä jää nyt yksin: mene jonkun luo tai soita jollekulle, johon luotat.
crisis-more = Lisää auttavia tahoja näet komennolla /apua.
crisis-local-heading = <b>Koulusi ja lähialueen apu</b>
