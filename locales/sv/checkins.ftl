### Enkäter: viikkokysely, aloituskysely och tyossaoppiminen (flows/*.yaml).
### Frågor (q-), avslutningar (close-), orsaker för coachen (r-) och meddelanden till
### studeranden innan något delas (share-, variabel $coach).
### Samma id:n och attribut i samma ordning som i fi- och en-filerna.

## Svarsskalor: knapparna är smala, så emoji + högst ett par ord (≤ 14 tecken).
## s1 = sämst, s5 = bäst.

scale-mood = Hur?
    .s1 = 😣 Jättedåligt
    .s2 = 🙁 Dåligt
    .s3 = 😐 Sådär
    .s4 = 🙂 Bra
    .s5 = 😄 Jättebra
scale-studies = Hur går det?
    .s1 = 😣 Jättedåligt
    .s2 = 🙁 Dåligt
    .s3 = 😐 Sådär
    .s4 = 🙂 Bra
    .s5 = 😄 Jättebra
scale-often = Hur ofta?
    .s1 = 😣 Aldrig
    .s2 = 🙁 Sällan
    .s3 = 😐 Ibland
    .s4 = 🙂 Ofta
    .s5 = 😄 Alltid
scale-important = Hur viktigt?
    .s1 = 😣 Inte alls
    .s2 = 🙁 Lite
    .s3 = 😐 Ganska
    .s4 = 🙂 Viktigt
    .s5 = 😄 Jätteviktigt
scale-lonely = Hur ofta?
    .s1 = 😣 Hela tiden
    .s2 = 🙁 Ofta
    .s3 = 😐 Ibland
    .s4 = 🙂 Sällan
    .s5 = 😄 Aldrig

## Veckans enkät (viikkokysely)

flow-viikkokysely = Veckans läge
viikko-intro = Hej { $name }! 👋 Hur är läget? Jag ställer några korta frågor. Du kan hoppa över vilken som helst.
q-viikko-jaksaminen = Hurdan vecka har du haft?
q-viikko-tuki = Tack för att du berättar. Vad kunde hjälpa dig just nu?
    .valmentaja = Prata med min coach
    .kuraattori = Prata med kuratorn
    .opinnot = Hjälp eller flex i studierna
    .parjaan = Jag klarar mig, tack
    .en_tieda = Vet inte ännu
q-viikko-opinnot = Hur har studierna gått den här veckan?
q-viikko-ryhma = Hur ofta känns det som att du hör till gänget i skolan?
q-viikko-aikuinen = Finns det en vuxen i skolan som du kan prata med om du har bekymmer?
q-viikko-yksinaisyys = Hur ofta har du känt dig ensam den senaste tiden?
q-viikko-poissaolot = Missade du lektioner den här veckan utan lov? Sjukdagar räknas inte.
    .ei = Nej
    .vahan = Några lektioner
    .paljon = En dag eller mer
q-viikko-merkitys = Hur viktigt är det du studerar för dig?
q-viikko-arki = Är något av det här svårt för dig nu? Du kan välja flera.
    .uni = 😴 Sömn eller trötthet
    .raha = 💶 Pengar
    .asuminen = 🏠 Boende
    .muu = Något annat
    .kaikki_hyvin = 👍 Inget av dem
q-viikko-alanvaihto = Har du funderat på att byta bransch eller skola? Många funderar på det, och det kan vara en bra plan.
q-viikko-keskeytys = Har du den senaste tiden funderat på att sluta studera helt?
q-viikko-jutellaanko = Vill du prata med din coach? Om du svarar ja tar hen kontakt med dig.
q-viikko-vapaa = Har du något annat på hjärtat? Du kan skriva med egna ord.
close-viikko-keskeytys = Tack för att du berättade det här. Många funderar på samma sak, och det är bra att prata om det med någon.
close-viikko-yhteys = Tack för att du svarade och berättade. 💬
close-viikko-raskas = Tack för att du svarade. Det låter som en tung vecka – bra att du berättade. Om du vill prata med någon, skriv /prata, så får din coach ett meddelande.
close-viikko-hyva = Tack för svaren! Vad roligt att höra att det har gått bra för dig. 🙌 Vi hörs nästa vecka!
close-viikko-osin = Tack för svaren. Allt är inte lätt just nu, och det är helt okej. Om du vill ha hjälp eller prata, skriv /prata när som helst.
close-viikko = Tack för svaren! Vi hörs igen nästa vecka. Om du vill prata med din coach, skriv /prata när som helst.

## Studiestarten (aloituskysely)

flow-aloituskysely = Studiestarten
aloitus-intro = Hej { $name }! 👋 Välkommen till studierna! Jag frågar några saker om hur starten har gått och vad som är viktigt för dig. Din coach ser dina svar – så lär hen känna dig. Du kan hoppa över vilken fråga som helst.
q-aloitus-alku = Hur har det gått i början av studierna?
q-aloitus-hyvin = Vad har gått bra hittills? Också en liten sak räknas.
q-aloitus-odotukset = Vad ser du mest fram emot i studierna? Du kan välja flera.
    .ammatti = Att lära mig ett yrke
    .tekeminen = Praktiskt arbete
    .tyo = Att få jobb
    .kaverit = Nya kompisar
    .jatko = Fortsatta studier
    .en_tieda = Vet inte ännu
q-aloitus-huolet = Är det något av det här som oroar dig? Du kan välja flera.
    .kaverit = Att hitta kompisar
    .opinnot = Att klara studierna
    .raha = Pengar
    .matkat = Skolresorna
    .kieli = Språket i skolan
    .ei_mitaan = Inget av det här
q-aloitus-vahvuudet = Vad är du bra på eller tycker om? Det kan vara en hobby, något du kan eller till exempel att du är en bra kompis.
q-aloitus-apu = Vet du vem du kan be om hjälp i skolan?
q-aloitus-jutellaanko = Vill du prata med din coach? Om du svarar ja, tar hen kontakt med dig.
close-aloitus-raskas = Tack för att du berättar. Starten är tung för många, och det finns hjälp att få. Din coach tar snart kontakt med dig.
close-aloitus-yhteys = Tack för svaren! Din coach tar snart kontakt med dig. Kul att du är här. 😊
close-aloitus-hyva = Tack för svaren! Vad roligt att höra att starten har gått bra. 🙌 Kul att du är här.
close-aloitus = Tack för svaren! Kul att du är här. Om du vill prata, skriv /prata när som helst.

## Lärande på arbetsplatsen (tyossaoppiminen)

flow-tyossaoppiminen = Läget på arbetsplatsen
tyo-intro = Hej { $name }! 👋 Du är nu ute på lärande i arbetet. Jag frågar några saker om hur det går där. Du kan hoppa över vilken fråga som helst.
q-tyo-olo = Hur har du haft det på arbetsplatsen?
q-tyo-ohjaus = Får du hjälp och råd av din arbetsplatshandledare när du behöver?
    .aina = Ja, alltid
    .yleensa = Oftast
    .harvoin = Sällan
    .en = Inte egentligen
    .ei_ohjaajaa = Vet inte vem min handledare är
q-tyo-turvallisuus = Känns det tryggt och säkert på arbetsplatsen? Till det hör till exempel handledning, skyddsutrustning och att du blir väl bemött.
q-tyo-turva = Vad känns otryggt? Du kan välja flera.
    .vaara = Farliga uppgifter eller maskiner
    .opastus = För lite handledning
    .suojaimet = Skyddsutrustning saknas
    .kohtelu = Dåligt bemötande, trakasserier
    .muu = Något annat
q-tyo-kuormitus = Hur mycket har du att göra på arbetsplatsen?
    .sopivasti = Lagom
    .liikaa = För mycket
    .liian_vahan = För lite
    .vaihtelee = Det varierar mycket
q-tyo-jutellaanko = Vill du prata med din coach? Om du svarar ja, tar hen kontakt med dig.
q-tyo-vapaa = Vill du berätta något mer om arbetsplatsen eller något annat? Skriv med egna ord.
close-tyo-turva = Tack för att du berättar. Säkerheten går alltid före arbetet. Om något är farligt just nu, sluta med den uppgiften och berätta för någon du litar på. Ring 112 i en nödsituation. Din coach tar snart kontakt med dig.
close-tyo-yhteys = Tack för svaren! Din coach tar snart kontakt med dig, och ni kan fundera på saken tillsammans.
close-tyo-hyva = Tack för svaren! Vad roligt att höra att det går bra på arbetsplatsen. 🙌 Ha fina arbetsdagar!
close-tyo = Tack för svaren! Om du vill prata om något på arbetsplatsen, skriv /prata när som helst.

## Orsaker för coachen (kort rubrik i larmet eller veckosammanfattningen, inga variabler)

r-crisis-text = Fritexten tyder på kris – ta kontakt genast
r-quitting = Funderar på att sluta studera helt
r-field-change = Funderar på att byta bransch eller skola
r-student-asked = Studeranden vill prata med dig
r-wants-kuraattori = Studeranden vill prata med kuratorn
r-study-help = Önskar hjälp eller flexibilitet i studierna
r-absences = Mycket frånvaro utan lov den här veckan
r-absences-repeat = Frånvaro utan lov i tre enkäter i rad
r-low-wellbeing = Orkar dåligt i två enkäter i rad
r-studies-falling = Studierna går klart sämre än tidigare
r-silence = Har inte svarat på de två senaste enkäterna
r-wellbeing-info = Tung vecka: orkar dåligt
r-loneliness-text = Fritexten tyder på ensamhet
r-bullying-text = Den fria texten tyder på mobbning – skolan måste utreda saken
r-lonely = Känner sig ofta ensam i två enkäter i rad
r-no-trusted-adult = Har ingen vuxen i skolan att prata med
r-money-housing = Bekymmer med pengar eller boende
r-start-hard = Studiestarten känns dålig
r-no-one-to-ask = Vet ännu inte vem hen kan be om hjälp i skolan
r-worries = Bekymmer i början av studierna
r-strengths = Det som gått bra, förväntningar och styrkor vid studiestarten
r-unsafe-work = Känner sig inte trygg på arbetsplatsen
r-no-guidance = Får inte handledning på arbetsplatsen eller vet inte vem handledaren är
r-workplace-hard = Har det dåligt på arbetsplatsen
r-too-much-work = Upplever att det är för mycket att göra på arbetsplatsen

## Till studeranden innan något delas: vad som berättas och för vem ($coach = coachens namn)

share-crisis-text = Tack för att du berättar. Det du skrev låter allvarligt, och vi vill se till att du får hjälp. Din coach { $coach } får genast veta det och ser vad du skrev. Hen tar kontakt med dig. Om du är i fara just nu, ring 112.
share-quitting = Din coach { $coach } får veta att du har funderat på att sluta studera. Hen tar kontakt med dig, och ni kan prata om det i lugn och ro.
    .what = du har funderat på att sluta studera
share-student-asked = Din coach { $coach } får veta att du vill prata. Hen tar kontakt med dig.
    .what = du vill prata med hen
share-wants-kuraattori = Din coach { $coach } får veta att du vill prata med kuratorn. Hen tar kontakt med dig och hjälper dig att få en tid.
    .what = du vill prata med kuratorn (hen hjälper dig att få en tid)
share-study-help = Din coach { $coach } får veta att du önskar hjälp eller flexibilitet i studierna. Hen tar kontakt med dig, och ni kan tillsammans fundera på vad som kunde hjälpa.
    .what = du önskar hjälp eller flexibilitet i studierna
share-absences = Din coach { $coach } får veta att du har missat många lektioner den här veckan. Hen tar kontakt med dig, och ni kan tillsammans fundera på hur du kommer med igen.
    .what = du har missat många lektioner den här veckan
share-absences-repeat = Du har sagt i de tre senaste enkäterna att du har missat lektioner. Din coach { $coach } får veta det och tar kontakt med dig, så att ni tillsammans hittar sätt att gå vidare.
    .what = du har missat lektioner tre veckor i rad
share-low-wellbeing = Du har sagt i de två senaste enkäterna att veckan har varit dålig. Din coach { $coach } får veta det och tar kontakt med dig.
    .what = du har haft två dåliga veckor i rad
share-studies-falling = Enligt dina svar går studierna sämre nu än tidigare. Din coach { $coach } får veta det och tar kontakt med dig, så att du får stöd i tid.
    .what = studierna går sämre nu än tidigare
share-wellbeing-info = Din coach { $coach } { $sameday ->
    [yes] ser redan { $when } att du har haft en tung vecka.
   *[other] ser i veckosammanfattningen { $when } att du har haft en tung vecka.
    }
    .what = du har haft en tung vecka
share-loneliness-text = Din coach { $coach } { $sameday ->
    [yes] ser redan { $when } att du kanske har känt dig ensam.
   *[other] ser i veckosammanfattningen { $when } att du kanske har känt dig ensam.
    }
    .what = du kanske har känt dig ensam
share-bullying-text = Tack för att du berättade. Mobbning är aldrig ditt fel, och de vuxna i skolan måste ingripa. Din coach { $coach } får veta det och ser vad du skrev. Hen tar kontakt med dig, och ni kommer tillsammans överens om vad som görs.
    .what = du skrev om mobbning (hen ser vad du skrev)
share-lonely = Du har sagt i de två senaste enkäterna att du ofta känner dig ensam. Din coach { $coach } får veta det och tar kontakt med dig.
    .what = du ofta känner dig ensam
share-no-trusted-adult = Din coach { $coach } { $sameday ->
    [yes] ser redan { $when } att det inte finns någon vuxen i skolan som du kan prata med. Hen kan vara en sådan vuxen – eller hjälpa dig att hitta en.
   *[other] ser i veckosammanfattningen { $when } att det inte finns någon vuxen i skolan som du kan prata med. Hen kan vara en sådan vuxen – eller hjälpa dig att hitta en.
    }
    .what = det inte finns någon vuxen i skolan som du kan prata med
share-field-change = Din coach { $coach } { $sameday ->
    [yes] ser redan { $when } att du funderar på att byta bransch eller skola. Hen kan hjälpa dig att reda ut alternativen.
   *[other] ser i veckosammanfattningen { $when } att du funderar på att byta bransch eller skola. Hen kan hjälpa dig att reda ut alternativen.
    }
    .what = du funderar på att byta bransch eller skola
share-money-housing = Din coach { $coach } { $sameday ->
    [yes] ser redan { $when } vilka saker i vardagen som är svåra för dig nu. Hen kan berätta var du får hjälp.
   *[other] ser i veckosammanfattningen { $when } vilka saker i vardagen som är svåra för dig nu. Hen kan berätta var du får hjälp.
    }
    .what = vilka saker i vardagen som är svåra för dig nu
share-start-hard = Din coach { $coach } får veta att starten har känts svår. Hen tar kontakt med dig.
share-no-one-to-ask = Din coach { $coach } får veta att du ännu inte vet vem du kan be om hjälp. Hen tar kontakt med dig och berättar vem som hjälper med vad.
share-worries = Din coach { $coach } ser vad som oroar dig, så att hen vet hur hen kan hjälpa.
share-strengths = Din coach { $coach } ser det du berättade om vad som har gått bra, vad du ser fram emot och vad du är bra på. Så lär hen känna dig.
share-unsafe-work = Din coach { $coach } får genast veta att det inte känns tryggt på arbetsplatsen och ser vad som känns otryggt. Hen tar kontakt med dig, och ni kommer tillsammans överens om vad som ska göras.
share-no-guidance = Din coach { $coach } får veta att du inte får tillräckligt med handledning på arbetsplatsen eller inte vet vem din handledare är. Hen tar kontakt med dig, och ni kommer tillsammans överens om vad som ska göras.
share-workplace-hard = Din coach { $coach } får veta att du har haft det dåligt på arbetsplatsen. Hen tar kontakt med dig.
share-too-much-work = Din coach { $coach } ser i sammanfattningen att du har haft för mycket att göra på arbetsplatsen.
share-combined-now = Din coach { $coach } får veta att
share-combined-digest = I veckosammanfattningen { $when } ser hen dessutom att
share-combined-digest-only = Din coach { $coach } ser i veckosammanfattningen { $when } att
share-combined-when = { $level ->
    [crisis] Hen tar kontakt med dig så snart hen kan.
    [urgent] Hen tar oftast kontakt med dig nästa skoldag.
   *[other] Hen tar kontakt med dig inom några skoldagar.
}
