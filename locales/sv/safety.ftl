# "Är du trygg?" – när ett meddelande kan tyda på nöd men boten inte är säker.
safety-ask = { $name }, tack för att du skrev. Jag vill försäkra mig om en sak: <b>är du trygg just nu?</b> Tänker du på att skada dig själv eller på att du inte vill leva?
safety-ask-child = { $name }, tack för att du skrev. Jag vill försäkra mig om en sak: <b>är du trygg just nu?</b> Har någon skadat eller hotat dig?
safety-ask-deadline = Om du inte svarar inom { $minutes ->
        [one] 1 minut
       *[other] { $minutes } minuter
    } ber jag { $who } att höra hur du mår.
safety-button-unsafe-crisis = 😟 Jag är inte trygg / jag tänker på det
safety-button-unsafe-child_protection = 😟 Jag är inte trygg / någon skadar mig
safety-button-safe = 🙂 Jag är trygg
safety-answered-unsafe-crisis = Du svarade att du inte är trygg. Tack för att du berättade. 💛
safety-answered-unsafe-child_protection = Du svarade att du inte är trygg. Tack för att du berättade – du har inte gjort något fel. 💛
safety-answered-safe = Du svarade att du är trygg. ✓
safety-safe = Skönt att höra. 💛 Om du vill prata med någon, skriv /prata. Med /hjalp ser du var du kan få hjälp när som helst.

    Är det okej att { $who } får veta att du har haft det tungt? Då kontaktar hen dig.
safety-button-share = ✅ Ja, det får du berätta
safety-button-keep = Behövs inte
safety-kept = Okej, jag berättar inte det här för någon. Om läget ändras fungerar /prata och /hjalp alltid.
safety-shared = Tack. { $who } får veta det och kontaktar dig.
safety-shared-nobody = Tack. Det finns just nu ingen i din skola som jag kan berätta det här för. Med /hjalp ser du var du kan få hjälp.
safety-safe-anon = Skönt att höra. Om du behöver hjälp, skriv /hjalp.
safety-late-safe = Tack för svaret – skönt att höra. Jag fick inget svar i tid, så jag har redan bett din coach att höra hur du mår, som jag sa.
# Orsak som personalen ser i larmet
r-safety-shared = Studeranden skrev något oroande. Hen svarade att hen är trygg och ville att du får veta.
r-safety-unanswered = Studeranden skrev något oroande och svarade inte på frågan om hen är trygg – hör hur hen mår.

# Barnskydd (våld, sexuellt våld, grooming, ingen trygg plats att sova): ett eget svar.
risk-child-reply = { $name }, tack för att du berättade. Det som har hänt dig är inte ditt fel – du har inte gjort något fel. 💛
risk-child-reply-anon = Tack för att du berättade. Det som har hänt dig är inte ditt fel – du har inte gjort något fel. 💛
r-child-protection = Tecken på att studeranden inte är trygg (våld, sexuellt våld, otryggt hemma eller ingenstans att sova) – ta kontakt genast.

# När en kris kommer fram under enkäten: enkäten slutar här, utan ett glatt avslut.
checkin-close-after-crisis = Tack för dina svar, { $name }. Vi avslutar enkäten här – nu är det viktigaste att du får stöd. Kontaktuppgifterna till hjälp finns ovan, och /hjalp visar dem igen.
