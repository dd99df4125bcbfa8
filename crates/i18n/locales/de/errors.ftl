# Fehler in der App. error-<code>: ein Fehler von unten (sein Detail ist Englisch) in der Sprache
# der Person; der Rest sind Sätze, die die App schreibt.

error-keychain_unavailable = Der System-Schlüsselbund ist nicht verfügbar ({ $detail })
error-keychain_locked = Der System-Schlüsselbund ist gesperrt ({ $detail })
error-keychain_no_collection = Der System-Schlüsselbund hat keine Standardsammlung ({ $detail })
error-missing_secret = Ein Geheimnis fehlt im Schlüsselbund ({ $detail })
error-database = Die Kontenliste kann nicht verwendet werden ({ $detail })
error-duplicate = Dieses Konto ist bereits in Vigil ({ $detail })
error-not_found = Vigil kann dies nicht finden ({ $detail })
error-invalid_uri = Dies ist kein gültiger otpauth-Link ({ $detail })
error-invalid_field = Ein Feld ist nicht korrekt ({ $detail })
error-clipboard = Die Zwischenablage kann nicht verwendet werden ({ $detail })
error-capture = Der Bildschirm konnte nicht aufgenommen werden ({ $detail })
error-bad_image = Diese Datei ist kein Bild, das Vigil lesen kann ({ $detail })
error-no_qr_code = Kein QR-Code in diesem Bild gefunden ({ $detail })
error-not_enrolment = Dieser QR-Code ist nicht für die Zwei-Faktor-Anmeldung ({ $detail })
error-render = Die Seite konnte nicht dargestellt werden ({ $detail })
error-settings = Die Einstellungen konnten nicht gespeichert werden ({ $detail })
error-activity = Der Aktivitätsdienst konnte nicht gelesen werden ({ $detail })
error-not_linked = Dieses Konto ist mit keinem Aktivitätsfeed verknüpft ({ $detail })
error-bad_link = Dieser Aktivitätslink kann nicht verwendet werden ({ $detail })
error-bad_document = Dieses Dokument kann nicht gesendet werden ({ $detail })
error-update_unavailable = Diese Vigil-Kopie kann sich nicht selbst aktualisieren ({ $detail })
error-update_check = Vigil konnte nicht nach Updates suchen ({ $detail })
error-update_none = Es gibt kein Update zu installieren ({ $detail })
error-update_signature = Das Update ist nicht mit dem Release-Schlüssel von Vigil signiert; es wurde nichts installiert ({ $detail })
error-update_install = Das Update konnte nicht installiert werden; es wurde nichts geändert ({ $detail })
error-bad_backup = Diese Sicherung kann nicht importiert werden ({ $detail })
error-wrong_password = Das Passwort ist falsch ({ $detail })
error-backup = Die automatische Sicherung konnte nicht geschrieben werden ({ $detail })
error-app_locked = Vigil ist gesperrt: Geben Sie Ihr Vigil-Passwort ein ({ $detail })

error-choose-the-folder-the-backups = Wählen Sie den Ordner für die Sicherungen
error-enter-the-account-name-such = Geben Sie den Kontonamen ein, z. B. Ihre E-Mail-Adresse
error-no-backup-is-waiting-for = Keine Sicherung wartet auf ihr Passwort; wählen Sie die Datei erneut
error-no-file-was-received = Es wurde keine Datei empfangen
error-no-picture-was-received = Es wurde kein Bild empfangen
error-no-qr-code-found-in = Kein QR-Code in diesem Bild gefunden
error-nothing-is-waiting-to-be = Nichts wartet darauf, hinzugefügt zu werden; scannen Sie den Code erneut
error-that-is-not-your-vigil = Das ist nicht Ihr Vigil-Passwort
error-the-answer-must-be-mine = Die Antwort muss mine oder not_mine sein
error-the-clipboard-cannot-be-used = Die Zwischenablage kann nicht verwendet werden
error-the-file-could-not-be = Die Datei konnte nicht gelesen werden
error-the-two-passwords-are-not = Die beiden Passwörter stimmen nicht überein
error-the-two-passwords-differ-type = Die beiden Passwörter unterscheiden sich; geben Sie zweimal dasselbe ein
error-there-is-no-update-to = Es gibt kein Update zu installieren: Suchen Sie zuerst nach Updates.
error-this-account-has-no-code = Dieses Konto hat keinen Code zum Kopieren
error-this-copy-of-vigil-was = Diese Vigil-Kopie wurde nicht aus einem Release-Paket installiert und kann sich daher nicht selbst aktualisieren: Aktualisieren Sie sie auf dem Weg, auf dem sie installiert wurde.

# Das Formular für den Einrichtungsschlüssel, Feld für Feld.
field-label-missing = Geben Sie den Kontonamen ein, etwa Ihre E-Mail-Adresse
field-secret-short = Dieser Einrichtungsschlüssel ist zu kurz: Websites geben mindestens 16 Zeichen an
field-secret-missing = Geben Sie den Einrichtungsschlüssel ein, den die Website neben dem QR-Code zeigt
field-secret-not-base32 = Der Einrichtungsschlüssel ist kein Base32 (Zeichen „{ $character }“ an Stelle { $position })
field-secret-length = Der Einrichtungsschlüssel hat eine unmögliche Base32-Länge ({ $length } Zeichen)
field-kind-unknown = Unbekannter Typ „{ $kind }“ (TOTP, HOTP oder Steam verwenden)
field-algorithm-unknown = Unbekannter Algorithmus „{ $algorithm }“ (SHA1, SHA256 oder SHA512 verwenden)
field-digits = Die Stellenzahl muss eine Zahl von 1 bis 10 sein
field-period = Der Zeitraum muss eine ganze Zahl von Sekunden sein, mindestens 1
field-counter = Der Zähler muss eine ganze Zahl sein, 0 oder mehr
