# email (de): die E-Mails des Dienstes an den Kunden, mit „Sie“. $issuer ist der Name der Website;
# $country ein CLDR-Ländername (ohne Artikel, daher in Klammern); $reason ist die eigene
# Begründung des Dienstes für eine Sperre, auf Englisch.

email-hello = Guten Tag,
email-never-ask = Wir fragen Sie niemals per E-Mail nach einem Code oder einem Passwort.
email-time = { $date }, { $time } UTC
email-field = { $label }: { $value }
email-when = Wann
email-where = Wo
email-what = Was
email-device = Gerät
email-ip = IP-Adresse
email-where-value = { $country } (IP-Adresse { $ip })
email-ip-value = IP-Adresse { $ip }
email-unknown-country = unbekanntes Land
email-unknown-ip = unbekannte IP-Adresse
email-unknown-device = unbekanntes Gerät

email-alert-subject = { $issuer }: ungewöhnliche Anmeldung ({ $country })
email-alert-intro = Wir haben eine ungewöhnliche Anmeldung bei Ihrem Konto bei { $issuer } bemerkt:
email-alert-mine-text = Wenn Sie das waren, öffnen Sie die Vigil-App und tippen Sie beim Ereignis auf „Das war ich“.
email-alert-mine-html = Wenn Sie das waren, öffnen Sie die Vigil-App und wählen Sie beim Ereignis „Das war ich“.
email-alert-not-mine-text = Wenn Sie das nicht waren, öffnen Sie die Vigil-App und tippen Sie beim Ereignis auf „Das war ich nicht“, oder öffnen Sie diesen Link auf dem Gerät, auf dem Vigil installiert ist:
email-alert-not-mine-html = Wenn Sie das nicht waren:
email-alert-not-mine-link = Das war ich nicht
email-alert-not-mine-html-after = (öffnet die Vigil-App).
email-alert-locked = Ihr Konto ist gesperrt, bis Sie antworten; bis dahin kann sich niemand anmelden.

email-state-locked-subject = { $issuer }: Ihr Konto ist gesperrt
email-state-unlocked-subject = { $issuer }: Ihr Konto ist entsperrt
email-state-locked = Ihr Konto bei { $issuer } ist { $state }.
email-state-unlocked = Ihr Konto bei { $issuer } ist entsperrt und funktioniert wie zuvor.
email-why = Grund (auf Englisch): { $reason }
email-state-what-now-text = Was Sie tun können: Öffnen Sie die Vigil-App, sehen Sie sich die als ungewöhnlich markierten Ereignisse an und antworten Sie bei jedem mit „Das war ich“ oder „Das war ich nicht“. Wenn Sie „Das war ich nicht“ geantwortet haben, senden Sie uns aus der App ein Dokument, und jemand aus unserem Prüfteam sieht sich Ihr Konto an.
email-state-what-now-html = Was Sie tun können: Öffnen Sie die Vigil-App, sehen Sie sich die als ungewöhnlich markierten Ereignisse an und antworten Sie bei jedem mit „Das war ich“ oder „Das war ich nicht“. Wenn Sie „Das war ich nicht“ geantwortet haben, senden Sie uns aus der App ein Dokument, und jemand aus unserem Prüfteam sieht sich Ihr Konto an.

email-digest-subject = { $issuer }: Ihre Aktivität der letzten 7 Tage
email-digest-intro = Ihre Aktivität bei { $issuer } in den letzten 7 Tagen (Anmeldungen, Bestellungen und Buchungen):
email-digest-empty = Nichts ist passiert.
email-digest-not-mine-text = Wenn etwas davon nicht Sie waren, öffnen Sie die Vigil-App und tippen Sie beim Ereignis auf „Das war ich nicht“.
email-digest-not-mine-html = Wenn etwas davon nicht Sie waren, öffnen Sie die Vigil-App und wählen Sie beim Ereignis „Das war ich nicht“.
