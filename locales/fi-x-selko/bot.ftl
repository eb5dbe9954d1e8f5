# Kohtaamo selkosuomeksi — yleiset viestit. Selkokeskuksen ohjeet: lyhyitä lauseita, yksi asia
# lauseessa, tuttuja sanoja, sinä-muoto, numerot numeroina. Sama sisältö kuin fi-kansiossa.
# Viestit ovat Telegramin HTML:ää: < ja & kirjoitetaan &lt; ja &amp;.
# Vain henkilökunnan viestit puuttuvat täältä: ne näkyvät tavallisella suomella
# (bot/i18n.py, STAFF_ONLY).

## Komentovalikko
cmd-start = Aloita
cmd-help = Apua ja auttavat puhelimet
cmd-language = Vaihda kieli
cmd-checkin = Kerro, mitä sinulle kuuluu
cmd-talk = Pyydä omavalmentajaa juttelemaan
cmd-my-data = Katso sinun tietosi
cmd-export = Lataa sinun tietosi tiedostona
cmd-pause = Pidä tauko kyselyistä
cmd-erase = Poista sinun tietosi ja lähde Kohtaamosta
cmd-my-trend = Katso sinun vastauksesi kuvana
cmd-peer-prompts = Ryhmän viestit päälle tai pois
cmd-students = Omat opiskelijat
cmd-followups = Avoimet asiat
cmd-log-contact = Kirjaa yhteydenotto
cmd-history = Opiskelijan asiat
cmd-groups = Ryhmät
cmd-link = Liitä ryhmän chat
cmd-broadcast = Lähetä viesti ryhmälle
cmd-poll-results = Kyselyjen tulokset
cmd-schedule = Kyselyjen ajat
cmd-admin = Hallinta
cmd-report = Raportti
cmd-phenomena = Ilmiöt
cmd-cases-export = Tapaukset tiedostona

## Aloitus ja kieli
start-welcome =
    Hei! Olen <b>Kohtaamo</b>. 👋
    Olen koulusi botti. Botti on ohjelma, ei ihminen.
    Kysyn sinulta välillä, mitä sinulle kuuluu.
    Autan sinua myös saamaan yhteyden omavalmentajaan. Omavalmentaja on koulun aikuinen, joka tukee sinua.

    Tarvitset koululta oman linkin. Sillä pääset mukaan. Valitse ensin kieli:
start-welcome-back = Hei { $name }! Kiva nähdä taas. Kirjoita /kuulumiset, jos haluat kertoa, mitä sinulle kuuluu. Kirjoita /apua, jos tarvitset apua.
language-choose = Millä kielellä puhun sinulle?
language-name = Selkosuomi (helppo suomi)
language-set = Selvä! Puhun sinulle nyt helppoa suomea.

## Apu
help-student =
    <b>Näin Kohtaamo toimii</b>
    /kuulumiset – kerro, mitä sinulle kuuluu
    /jutellaan – pyydä omavalmentajaa juttelemaan
    /oma_kehitys – katso sinun vastauksesi kuvana
    /omat_tiedot – katso sinun tietosi ja kuka on katsonut niitä
    /vie – lataa sinun tietosi tiedostona
    /tauko – pidä tauko kyselyistä
    /ryhmaviestit – ryhmän viestit päälle tai pois
    /poista – poista sinun tietosi ja lähde Kohtaamosta
    /kieli – vaihda kieli

    Omavalmentaja näkee sinun vastauksesi. Koulun koordinaattori näkee huolet, jotka ovat vielä kesken. Raporteissa on vain numeroita. Niissä ei ole nimiä. Ryhmän chatissa en näytä koskaan kenenkään vastauksia kuulumiskyselyihin.
help-crisis =
    <b>Jos tarvitset apua heti</b>
    { crisis-contacts }

## Virheet ja väärä syöte
unknown-command = En tunne komentoa { $command }. Kirjoita /apua. Silloin näet, mitä osaan.
group-use-private = Tämä toimii vain, kun kirjoitat suoraan minulle. Avaa keskustelu minun kanssani ja kokeile siellä.
not-enrolled = Kiitos viestistä! Et ole vielä mukana Kohtaamossa. Pyydä omavalmentajalta oma linkki. Sillä pääset mukaan.
text-no-checkin = Kiitos viestistä, { $name }! Olen botti. En lähetä tätä viestiä kenellekään. Mutta jos kerrot, että olet vaarassa, kerron sen koulun aikuiselle. Haluatko jutella ihmisen kanssa? Kirjoita /jutellaan. Silloin omavalmentaja saa tiedon. Kirjoita /kuulumiset, jos haluat kertoa, mitä sinulle kuuluu. Kirjoita /apua, jos tarvitset apua heti.
unsupported-message = En näe kuvia. En kuule ääniviestejä. Ymmärrän vain tekstiä ja nappeja. Jos sinulla on hätä, kirjoita minulle tai soita 112. Ohjeet: /apua
not-allowed = Et voi käyttää tätä. Kirjoita /apua. Silloin näet komennot, joita voit käyttää.
error-generic = Hups, minulla meni jokin vikaan. Mitään ei kadonnut. Kokeile pian uudelleen.
error-generic-short = Jokin meni vikaan. Kokeile uudelleen.
# The same two words on every menu that can be left or stepped back in.
button-cancel = ✖️ Peruuta
button-back = ⬅️ Takaisin
callback-invalid = Tämä nappi ei toimi. Kirjoita /apua, jos tarvitset ohjeita.
callback-not-yours = Tämä nappi ei ole sinun.
callback-expired = Tämä nappi on vanha. Se ei toimi enää.

## Kuulumiskysely
checkin-continue = Jatketaan siitä, mihin jäit:
checkin-superseded = Kysely on muuttunut sillä välin. Kiitos vastauksistasi tähän asti! Voit aloittaa uuden kyselyn. Kirjoita /kuulumiset.
checkin-already-answered = Vastasit jo tähän 👍
checkin-closed = Tämä kysely on loppunut. Voit aloittaa uuden. Kirjoita /kuulumiset.
checkin-answer-saved = Tallennettu ✓
checkin-thanks = Kiitos vastauksista, { $name }!
checkin-reminder = Hei { $name }! Kysely odottaa sinua vielä. Vastaaminen vie vain muutaman minuutin. 🙂
hint-type-answer = <i>Kirjoita vastauksesi viestiin. Enintään { $limit ->
        [one] 1 merkki
       *[other] { $limit } merkkiä
    }.</i>
hint-multichoice = <i>Valitse kaikki, jotka sopivat. Paina lopuksi Valmis.</i>
hint-date = <i>Valitse päivä. Tai kirjoita päivä näin: 24.11.</i>
answer-yesno = Kyllä vai ei?
    .kylla = Kyllä
    .ei = Ei
answer-words = Sanat, jotka tarkoittavat kyllä tai ei
    .kylla = kyllä, kylla, joo, juu, jep, k
    .ei = ei, en, e, nope
button-skip = Ohita
button-done = Valmis ✔️
answer-skipped = Ohitit
answer-none-chosen = Ei mikään näistä
date-choice = Päivä
    .today = Tänään { $date }
    .yesterday = Eilen { $date }
    .tomorrow = Huomenna { $date }
    .later = { $days } päivän päästä { $date }
    .earlier = { $days ->
        [one] 1 päivä
       *[other] { $days } päivää
    } sitten { $date }
answer-not-skippable = Vastaa tähän, kiitos.
answer-invalid = Tätä vaihtoehtoa ei ole.
answer-text-empty = Viesti oli tyhjä. Kirjoita vastaus. Tai paina Ohita.
answer-text-too-long = Viesti on vähän liian pitkä. Siinä on { $length ->
        [one] 1 merkki
       *[other] { $length } merkkiä
    }. Voitko kirjoittaa lyhyemmin? Enintään { $limit ->
        [one] 1 merkki
       *[other] { $limit } merkkiä
    }. Voit kertoa lisää omavalmentajalle.
answer-use-buttons = Valitse napeista. Paina lopuksi Valmis.
answer-type-hint = En ymmärtänyt. Valitse napeista. Tai kirjoita numero.
answer-date-hint = En ymmärtänyt päivää. Kirjoita päivä näin: 24.11. tai 24.11.2026.
