# Die Bildschirme der App: Vorlagen (ui/) und das Seitenskript (Schlüssel mit js-).

about-text = Zwei-Faktor-Codes aus Ihrem System-Schlüsselbund. Ihre Geheimnisse verlassen nie den Schlüsselbund dieses Computers.
account = Konto
accounts = Konten
activity = Aktivität
activity-from = { $label } · Aktivität von { $host }
activity-of = Aktivität von { $issuer } { $label }
activity-of-linked = Aktivität der verknüpften Konten
add = Hinzufügen
add-account = Konto hinzufügen
add-an-account = Ein Konto hinzufügen
add-selected = Auswahl hinzufügen
add-these = Diese Konten hinzufügen?
advanced = Erweitert
algorithm = Algorithmus
all-accounts = Alle Konten
already-in-vigil = bereits in Vigil
app-lock = App-Sperre
back = Zurück
back-to-accounts = Zurück zu den Konten
back-up-now = Jetzt sichern
backup-password-not-kept = Das Passwort öffnet nur diese Datei; Vigil speichert es nicht.
backup-settings = Sicherungseinstellungen
backups-text = Nach jeder Änderung speichert Vigil alle Ihre Konten in einer verschlüsselten Datei (wie bei „Sicherung exportieren“, lesbar für Aegis und Vigil) und behält die neuesten.
backups-title = Automatische Sicherungen
cancel = Abbrechen
change = Ändern
check-for-updates = Nach Updates suchen
check-updates = Beim Start nach einer neuen Version von Vigil suchen
check-updates-now = Jetzt nach Updates suchen
choose-image = Bild auswählen…
clipboard-seconds = Kopierte Codes löschen nach (Sekunden; 0 = nie)
close = Schließen
correct-clock = Codes korrigieren, wenn die Uhr dieses Computers falsch geht
counter = Zähler
delete = Löschen
delete-title = Dieses Konto löschen?
digits = Stellen
done = Fertig
drop-anywhere = oder irgendwo in diesem Fenster
drop-here = Bild des QR-Codes hier ablegen
edit-account = Konto bearbeiten
empty-drop = Legen Sie ein Bild des QR-Codes in diesem Fenster ab
empty-text = Wenn eine Website Ihnen einen QR-Code für die Zwei-Faktor-Anmeldung zeigt, fügen Sie ihn hier hinzu.
empty-title = Fügen Sie Ihr erstes Konto hinzu
empty-way-key = Geben Sie den Einrichtungsschlüssel der Website ein
empty-way-link = Fügen Sie einen otpauth://-Link ein
empty-way-picture = Wählen Sie ein Bild des QR-Codes, fügen Sie es ein oder scannen Sie Ihren Bildschirm
end-session-title = Dieses Gerät abmelden?
enter-setup-key = Einrichtungsschlüssel eingeben
export = Exportieren
export-password-not-kept = Vigil speichert dieses Passwort nicht: Ohne es lässt sich die Sicherung nicht öffnen.
export-text = Alle Konten kommen in eine Datei, verschlüsselt mit dem Passwort, das Sie hier wählen. Aegis kann sie öffnen, ebenso Vigil (Hinzufügen, Sicherung importieren). Sie wird in Ihrem Dokumente-Ordner gespeichert.
export-title = Sicherung exportieren
fatal-title = Vigil kann Ihre Konten nicht öffnen
find-service = Dienst suchen
flagged = markiert
folder = Ordner
group = Gruppe
groups = Gruppen
groups-hint = Trennen Sie Gruppen mit Kommas. Die Liste kann jeweils eine Gruppe anzeigen.
hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
icon = Symbol
icon-automatic = Automatisch
icon-automatic-named = Automatisch ({ $name })
icon-initial = Nur Anfangsbuchstabe
icon-none-match = Kein mitgeliefertes Symbol passt zu „{ $query }“.
icons = Symbole
import-backup = Sicherung importieren…
import-hint = Sicherungen aus Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Stratum, Proton Authenticator und Vigil können importiert oder hier abgelegt werden.
install = Installieren
js-activity-of-flagged = Aktivität von { $issuer } { $label }, { $count } zu prüfen
js-activity-of-locked = Aktivität von { $issuer } { $label }, gesperrt
js-backed-up = Gesichert
js-backup-what = Dies ist { $what }, mit einem Passwort verschlüsselt.
js-backups-failed = Die letzte Sicherung ist fehlgeschlagen: { $error }
js-backups-hint-off = Mindestens 8 Zeichen. Vigil bewahrt es im System-Schlüsselbund auf; ohne es lassen sich die Sicherungen nicht öffnen.
js-backups-hint-on = Lassen Sie beide Felder leer, um das gewählte Passwort zu behalten.
js-backups-last = Ein. Letzte Sicherung: { $when }.
js-backups-last-file = Ein. Letzte Sicherung: { $when }: { $file }.
js-backups-none = Ein. Bisher wurde keine Sicherung erstellt.
js-backups-off = Aus
js-backups-summary-last = ein, zuletzt { $when }
js-backups-turned-off = Automatische Sicherungen sind aus. Die bereits erstellten Sicherungen bleiben im Ordner.
js-backups-turned-on = Automatische Sicherungen sind ein
js-code = Code { $digits }
js-code-left = { $count ->
    [one] Code { $digits }, noch { $count } Sekunde
   *[other] Code { $digits }, noch { $count } Sekunden
}
js-copied = Kopiert
js-copied-code = Code von { $name } kopiert
js-delete-text = Das Konto { $name } löschen? Seine Codes funktionieren in dieser App dann nicht mehr.
js-end-session-text = { $device } bei { $service } abmelden? Wer dieses Gerät benutzt, muss sich erneut anmelden, mit Ihrem Passwort und einem Code.
js-event-gone = Dieses Ereignis ist nicht mehr in der letzten Aktivität dieses Kontos
js-file-too-large = Die Datei ist zu groß (höchstens { $limit } MB)
js-keep-range = Behalten Sie eine ganze Zahl von 1 bis 1000 Sicherungen
js-link-text = Anmeldungen, Bestellungen und Änderungen von { $name } vom Dienst anzeigen.
js-linked = Verknüpft
js-lock-hint-off = Mindestens 8 Zeichen. Es ist nicht Ihr Schlüsselbund-Passwort; Vigil speichert nur einen Hash davon.
js-lock-hint-on = Lassen Sie beide Felder leer, um Ihr Passwort zu behalten. Um die Sperre auszuschalten, geben Sie es im ersten Feld ein.
js-lock-state-idle = { $count ->
    [one] Ein: Vigil fragt beim Start und nach { $count } Minute Inaktivität nach Ihrem Passwort.
   *[other] Ein: Vigil fragt beim Start und nach { $count } Minuten Inaktivität nach Ihrem Passwort.
}
js-lock-state-off = Aus: Jeder an diesem Computer kann Ihre Codes sehen, solange Sie angemeldet sind.
js-lock-state-start = Ein: Vigil fragt beim Start und beim Sperren nach Ihrem Passwort.
js-lock-summary-idle = { $count ->
    [one] ein, sperrt nach { $count } Minute Inaktivität
   *[other] ein, sperrt nach { $count } Minuten Inaktivität
}
js-lock-summary-start = ein, sperrt nur beim Start von Vigil
js-lock-turned-off = Die App-Sperre ist aus
js-lock-turned-on = Die App-Sperre ist ein
js-name-at = { $label } bei { $issuer }
js-off = aus
js-on = ein
js-qr-text = Wer den QR-Code von { $name } sieht, kann die Codes dieses Kontos erzeugen. Zeigen Sie ihn nur, um das Konto auf Ihr Telefon zu übertragen, und nur, wenn niemand auf Ihren Bildschirm schaut.
js-saved = Gespeichert
js-seconds-range = Geben Sie eine ganze Zahl von 0 bis 3600 Sekunden ein
js-secure-title = Ihr Konto bei { $service } schützen?
js-settings-saved = Einstellungen gespeichert
js-tick-one = Wählen Sie mindestens ein Konto zum Hinzufügen aus
js-too-large-backup = Diese Datei ist zu groß für eine Sicherung ({ $size } MB; höchstens 16 MB)
js-too-large-scan = Diese Datei ist zu groß zum Scannen ({ $size } MB; höchstens 50 MB)
js-unpin = Lösen
js-update-available = Vigil { $version } ist verfügbar.
js-update-checking = Suche nach Updates…
js-update-installed = Vigil { $version } ist installiert. Starten Sie Vigil neu, um es zu verwenden.
js-update-installing = Vigil { $version } wird heruntergeladen und installiert…
js-update-newest = Vigil { $version } ist die neueste Version.
js-update-offer = Vigil { $version } ist verfügbar (Sie haben { $current }). Jetzt installieren?
keep-it = Behalten
keep-newest = Neueste behalten
keep-running = Im Hintergrund weiterlaufen, wenn das Fenster geschlossen ist (Hinweise kommen weiter)
kind = Typ
kind-hotp = Zählerbasiert (HOTP)
kind-steam = Steam Guard
kind-totp = Zeitbasiert (TOTP)
language = Sprache
language-system = Wie das System
last-code-here = Ihr letzter Code wurde hier verwendet
later = Später
link = Verknüpfen
link-activity = Aktivität verknüpfen
link-from-host = Anmeldungen und Bestellungen dieses Kontos von { $host } anzeigen
link-url = Der Aktivitätslink des Dienstes (https://…/v1/feed/…)
lock-idle = Sperren bei Inaktivität nach
lock-idle-never = Nie (nur beim Start oder mit „Vigil sperren“ im Menü)
lock-my-account = Mein Konto sperren
locked-text = Geben Sie Ihr Vigil-Passwort ein, um Ihre Codes und Aktivität zu sehen.
locked-title = Vigil ist gesperrt
main-menu = Hauptmenü
menu-about = Über Vigil
menu-backups = Automatische Sicherungen…
menu-copy = Code kopieren
menu-down = Nach unten
menu-edit = Bearbeiten
menu-export = Sicherung exportieren…
menu-icon = Symbol…
menu-link = Aktivität verknüpfen…
menu-lock = Vigil sperren
menu-pin = Oben anheften
menu-qr = QR-Code zeigen
menu-unlink = Aktivität trennen
menu-up = Nach oben
minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
more-for = Mehr für { $issuer } { $label }
needs-attention = Braucht Ihre Aufmerksamkeit
next-code-for = Nächster Code für { $issuer }
no-match = Kein Konto passt zu Ihrer Suche.
not-mine-text = Der Dienst sperrt dieses Konto sofort, damit niemand es benutzen kann, und bittet Sie, Ihre letzte Aktivität zu bestätigen. Sie können es entsperren, indem Sie die Ereignisse bestätigen, die Sie waren, oder ein Dokument zur Prüfung senden.
not-mine-title = Das waren nicht Sie?
not-now = Nicht jetzt
nothing-needs-attention = Nichts braucht Ihre Aufmerksamkeit
notify = Bei ungewöhnlicher Aktivität und Sperren benachrichtigen
older-activity = Ältere Aktivität anzeigen
open = Öffnen
open-backup = Sicherung öffnen
orphans-notice = { $count ->
    [one] Ein Konto kann keine Codes zeigen: Sein Geheimnis fehlt im Schlüsselbund.
   *[other] { $count } Konten können keine Codes zeigen: Ihre Geheimnisse fehlen im Schlüsselbund.
}
password = Passwort
password-again = Dasselbe Passwort noch einmal
password-reset-required = { $service } verlangt bei der nächsten Anmeldung ein neues Passwort.
paste-clipboard = Aus Zwischenablage einfügen
paste-uri = Oder einen otpauth://-Link einfügen (oder einen Google Authenticator-Exportlink)
period = Intervall (Sekunden)
pinned = Angeheftet
placeholder-groups = Arbeit, Finanzen
placeholder-service = Shop
qr-scan-hint = Scannen Sie dies mit der Authenticator-App auf Ihrem Telefon. Schließen Sie dieses Fenster, wenn Sie fertig sind.
qr-title = QR-Code zeigen?
recent-activity = Letzte Aktivität
restart-vigil = Vigil neu starten
review-update = Ansehen
row-label = { $issuer } { $label }: Eingabetaste kopiert den Code, Leertaste liest ihn vor, Alt und eine Pfeiltaste verschieben ihn
save = Speichern
scan-screen = Bildschirm scannen
search = Suchen
search-accounts = Konten suchen
secret-missing = Geheimnis fehlt im Schlüsselbund
secure-account = Mein Konto schützen
secure-account-more = Mein Konto schützen…
secure-intro = Der Dienst wird sofort:
secure-step-lock = das Konto zur Prüfung sperren, falls eine markierte Anmeldung oder Änderung nicht von Ihnen war.
secure-step-password = bei Ihrer nächsten Anmeldung ein neues Passwort verlangen;
secure-step-sign-out = jedes Gerät abmelden, auf dem dieses Konto angemeldet ist;
secure-title = Ihr Konto schützen?
send-document = Dokument senden…
service = Dienst
sessions-none = Sie sind bei { $service } nirgends angemeldet.
sessions-title = Wo Sie angemeldet sind
settings = Einstellungen
settings-backups = Automatische Sicherungen:
settings-lock = App-Sperre:
setup-key = Einrichtungsschlüssel
show-next = In den letzten Sekunden den nächsten Code zeigen
sign-out = Abmelden
sort = Sortieren
start-at-login = Vigil bei der Anmeldung starten (ohne Fenster)
the-service = dem Dienst
theme = Design
theme-dark = Dunkel
theme-light = Hell
theme-system = Wie das System
this-was-me = Das war ich
this-was-not-me = Das war ich nicht
try-again = Erneut versuchen
turn-off = Ausschalten
turn-on = Einschalten
unlock = Entsperren
update-title = Vigil aktualisieren
version = Version { $version }
vigil-password = Vigil-Passwort
vigil-version = Vigil { $version }
your-accounts = Ihre Konten

# Von der App geschrieben (src-tauri): Bereiche, Benachrichtigungen, Infobereich, Meldungen.
fatal-advice-keychain-unavailable = Vigil bewahrt Ihre Geheimnisse im System-Schlüsselbund auf. Melden Sie sich in einer Desktop-Sitzung an, in der GNOME Keyring oder KWallet läuft, und öffnen Sie Vigil erneut. Nichts ist verloren.
fatal-advice-keychain-locked = Entsperren Sie den Schlüsselbund: Ihr Desktop fragt nach seinem Passwort. Vigil macht danach von selbst weiter. Nichts ist verloren.
fatal-advice-keychain-no-collection = Ihr Desktop bittet Sie, ein Passwort für den neuen Schlüsselbund zu wählen; Vigil macht danach von selbst weiter.
fatal-advice-database = Ihre Geheimnisse sind im System-Schlüsselbund sicher. Verschieben Sie die Datei mit der Kontenliste (oder stellen Sie sie aus einer Sicherung wieder her) und öffnen Sie Vigil erneut.
fatal-advice-other = Schließen Sie Vigil und öffnen Sie es erneut. Wenn das weiterhin passiert, melden Sie es bitte.
unlock-keychain = Schlüsselbund entsperren
create-keychain = Schlüsselbund erstellen
sort-custom = Eigene Reihenfolge
sort-issuer = Dienst
sort-name = Kontoname
sort-recent = Zuletzt verwendet
moment-today = heute um { $clock }
moment-yesterday = gestern um { $clock }
moment-day = { $clock }, { $day }
today = Heute
yesterday = Gestern
verdict-mine = Sie sagten: Das war ich
verdict-not-mine = Sie sagten: Das war ich nicht
activity-stale = { $problem }: Aktivität mit Stand { $clock }
activity-reading = Aktivität von { $host } wird gelesen…
state-banner-active = Ihr Konto bei { $service } ist aktiv.
state-banner-not-mine = Ihr Konto bei { $service } ist gesperrt, weil Sie angegeben haben, dass eine Aktivität nicht von Ihnen war. Senden Sie ein Dokument (einen Ausweis oder einen Brief), damit { $service } es prüfen und entsperren kann.
state-banner-verify = Ihr Konto bei { $service } ist gesperrt. Wenn die unten markierte Aktivität von Ihnen war, bestätigen Sie es, und es wird entsperrt; wenn nicht, senden Sie ein Dokument (einen Ausweis oder einen Brief) zur Prüfung.
state-banner-review = Ihr Konto bei { $service } ist gesperrt, während { $service } es prüft. Sie erhalten eine Nachricht per E-Mail.
account-state = Konto { $state }
updated-now = Gerade aktualisiert
updated-minutes = { $count ->
    [one] Vor einer Minute aktualisiert
   *[other] Vor { $count } Minuten aktualisiert
}
updated-hours = { $count ->
    [one] Vor einer Stunde aktualisiert
   *[other] Vor { $count } Stunden aktualisiert
}
details = Details
place-unknown = Ort unbekannt
session-when = Angemeldet { $started } · zuletzt aktiv { $seen }
sessions-unreadable = Vigil konnte nicht lesen, wo Sie angemeldet sind: { $error }
session-ended = { $device } bei { $service } abgemeldet
secured-signed-out = { $count ->
    [0] Kein Gerät war angemeldet
    [one] { $count } Gerät wurde abgemeldet
   *[other] { $count } Geräte wurden abgemeldet
}
secured = { $signed_out }. { $service } verlangt bei Ihrer nächsten Anmeldung ein neues Passwort.
secured-locked = Das Konto bleibt gesperrt, bis { $service } es geprüft hat.
devices-signed-in = { $count ->
    [one] { $count } Gerät ist bei Ihren verknüpften Konten angemeldet
   *[other] { $count } Geräte sind bei Ihren verknüpften Konten angemeldet
}
feed-refused = { $host } hat die Anzeige der Aktivität abgelehnt: { $message }
feed-unreachable = { $host } ist nicht erreichbar
alert-discreet-title = Vigil: Aktivität sollte geprüft werden
alert-discreet-body = Entsperren Sie Vigil, um zu sehen, welches Konto betroffen ist und was passiert ist.
alert-was-this-you = Waren Sie das? { $service }
alert-body = { $why }. Konto: { $name }.
alert-many = { $count } Ereignisse bei { $service } sollten geprüft werden
alert-many-body = Das neueste: { $why }. Konto: { $name }.
alert-locked = { $service } hat Ihr Konto gesperrt
alert-locked-body = { $name } ist { $state }.
tray-open = Vigil öffnen
tray-pause = Hinweise pausieren
tray-quit = Vigil beenden
tray-attention = Vigil: Etwas sollte geprüft werden
notification-open = Öffnen
app-locked-title = Vigil ist gesperrt: Geben Sie Ihr Vigil-Passwort ein
kind-totp-params = TOTP, { $digits } Stellen, alle { $period } s
kind-hotp-params = HOTP, { $digits } Stellen, Zähler { $counter }
added-one = { $name } hinzugefügt
export-part = Dies ist QR-Code { $index } von { $size } des Exports: Scannen Sie auch die anderen.
from-google-export = ein Google Authenticator-Export
link-problem = Seine Aktivität wird nicht angezeigt: { $problem }
preview-from = { $count ->
    [one] { $count } Konto (Quelle: { $from })
   *[other] { $count } Konten (Quelle: { $from })
}
preview-found = { $count ->
    [one] { $count } Konto gefunden
   *[other] { $count } Konten gefunden
}
left-out = { $name } ausgelassen: { $reason }
backup-holds-nothing = { $what } enthält kein Konto, das Vigil hinzufügen kann
backup-of-uris = eine Liste von otpauth-Links
backup-of-an = eine { $name }-Sicherung
backup-of-a = eine { $name }-Sicherung
added-count = { $count ->
    [one] { $count } Konto hinzugefügt
   *[other] { $count } Konten hinzugefügt
}
added-with-duplicates = { $added }; { $count } bereits in Vigil
answer-not-mine = Ihr Konto bei { $service } ist gesperrt. { $service } wird Sie bitten, Ihre letzte Aktivität zu bestätigen.
answer-mine-locked = Notiert. Das Konto bleibt gesperrt, bis jedes markierte Ereignis beantwortet ist.
answer-mine-active = Notiert. Ihr Konto bei { $service } ist aktiv.
document-sent = Dokument gesendet. Das Konto ist { $state }.
update-not-signed = Der Download von Vigil { $version } ist nicht mit dem Release-Schlüssel von Vigil signiert und wurde daher nicht installiert. Es wurde nichts geändert.
update-not-permitted = Vigil { $version } wurde heruntergeladen und seine Signatur geprüft, aber die Installation erfordert Administratorrechte, die nicht erteilt wurden. Es wurde nichts geändert.
export-folder-full = { $folder } enthält bereits 99 Sicherungen von heute
password-too-short = Verwenden Sie ein Passwort mit mindestens { $count } Zeichen
icon-unknown = Vigil hat kein Symbol namens „{ $name }“
not-linked = { $name } ist mit keinem Aktivitätsfeed verknüpft
lock-idle-too-long = Sperren nach höchstens { $count } Minuten
backup-failed-banner = Die automatische Sicherung ist fehlgeschlagen: { $error }
clock-too-far = Laut { $host } geht die Uhr dieses Computers { $how }. Das ist zu viel, um wahrscheinlich zu sein, daher korrigiert Vigil die Codes nicht: Prüfen Sie die Uhr dieses Computers.
clock-corrected = Die Uhr dieses Computers geht { $how } ({ $host } sagt das). Vigil zeigt Codes für die richtige Zeit bei den verknüpften Diensten; stellen Sie die Uhr, um es überall zu beheben.
clock-not-corrected = Die Uhr dieses Computers geht { $how } ({ $host } sagt das), daher werden Codes eventuell abgelehnt. Stellen Sie die Uhr oder lassen Sie Vigil die Codes in den Einstellungen korrigieren.
device-unknown = Unbekanntes Gerät
