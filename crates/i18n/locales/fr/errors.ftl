# Erreurs dans l'app. error-<code> : une erreur venant d'en dessous (son détail est en anglais) dite
# dans la langue de la personne ; le reste, ce sont des phrases écrites par l'app.

error-keychain_unavailable = Le trousseau du système n'est pas disponible ({ $detail })
error-keychain_locked = Le trousseau du système est verrouillé ({ $detail })
error-keychain_no_collection = Le trousseau du système n'a pas de collection par défaut ({ $detail })
error-missing_secret = Un secret manque dans le trousseau ({ $detail })
error-database = La liste des comptes ne peut pas être utilisée ({ $detail })
error-duplicate = Ce compte est déjà dans Vigil ({ $detail })
error-not_found = Vigil ne trouve pas cet élément ({ $detail })
error-invalid_uri = Ce n'est pas un lien otpauth valide ({ $detail })
error-invalid_field = Un champ n'est pas correct ({ $detail })
error-clipboard = Le presse-papiers ne peut pas être utilisé ({ $detail })
error-capture = L'écran n'a pas pu être capturé ({ $detail })
error-bad_image = Ce fichier n'est pas une image que Vigil peut lire ({ $detail })
error-no_qr_code = Aucun code QR trouvé dans cette image ({ $detail })
error-not_enrolment = Ce code QR n'est pas destiné à la connexion à deux facteurs ({ $detail })
error-render = La page n'a pas pu être affichée ({ $detail })
error-settings = Les paramètres n'ont pas pu être enregistrés ({ $detail })
error-activity = Le service d'activité n'a pas pu être lu ({ $detail })
error-not_linked = Ce compte n'est lié à aucun flux d'activité ({ $detail })
error-bad_link = Ce lien d'activité ne peut pas être utilisé ({ $detail })
error-bad_document = Ce document ne peut pas être envoyé ({ $detail })
error-update_unavailable = Cette copie de Vigil ne peut pas se mettre à jour elle-même ({ $detail })
error-update_check = Vigil n'a pas pu rechercher de mises à jour ({ $detail })
error-update_none = Il n'y a aucune mise à jour à installer ({ $detail })
error-update_signature = La mise à jour n'est pas signée avec la clé de publication de Vigil ; rien n'a été installé ({ $detail })
error-update_install = La mise à jour n'a pas pu être installée ; rien n'a été modifié ({ $detail })
error-bad_backup = Cette sauvegarde ne peut pas être importée ({ $detail })
error-wrong_password = Le mot de passe est incorrect ({ $detail })
error-backup = La sauvegarde automatique n'a pas pu être écrite ({ $detail })
error-app_locked = Vigil est verrouillé : saisissez votre mot de passe Vigil ({ $detail })

error-choose-the-folder-the-backups = Choisissez le dossier où vont les sauvegardes
error-enter-the-account-name-such = Saisissez le nom du compte, par exemple votre adresse e-mail
error-no-backup-is-waiting-for = Aucune sauvegarde n'attend son mot de passe ; choisissez à nouveau le fichier
error-no-file-was-received = Aucun fichier n'a été reçu
error-no-picture-was-received = Aucune image n'a été reçue
error-no-qr-code-found-in = Aucun code QR trouvé dans cette image
error-nothing-is-waiting-to-be = Rien n'attend d'être ajouté ; scannez à nouveau le code
error-that-is-not-your-vigil = Ce n'est pas votre mot de passe Vigil
error-the-answer-must-be-mine = La réponse doit être mine ou not_mine
error-the-clipboard-cannot-be-used = Le presse-papiers ne peut pas être utilisé
error-the-file-could-not-be = Le fichier n'a pas pu être lu
error-the-two-passwords-are-not = Les deux mots de passe ne sont pas identiques
error-the-two-passwords-differ-type = Les deux mots de passe diffèrent ; saisissez deux fois le même
error-there-is-no-update-to = Il n'y a aucune mise à jour à installer : recherchez d'abord les mises à jour.
error-this-account-has-no-code = Ce compte n'a pas de code à copier
error-this-copy-of-vigil-was = Cette copie de Vigil n'a pas été installée à partir d'un paquet de publication, elle ne peut donc pas se mettre à jour elle-même : mettez-la à jour de la même manière qu'elle a été installée.

# Le formulaire de clé de configuration, champ par champ.
field-label-missing = Saisissez le nom du compte, par exemple votre adresse e-mail
field-secret-short = Cette clé de configuration est trop courte : les sites fournissent au moins 16 caractères
field-secret-missing = Saisissez la clé de configuration que le site affiche à côté de son code QR
field-secret-not-base32 = La clé de configuration n'est pas en base32 (caractère « { $character } » en position { $position })
field-secret-length = La clé de configuration a une longueur base32 impossible ({ $length } caractères)
field-kind-unknown = Type inconnu « { $kind } » (utilisez TOTP, HOTP ou Steam)
field-algorithm-unknown = Algorithme inconnu « { $algorithm } » (utilisez SHA1, SHA256 ou SHA512)
field-digits = Le nombre de chiffres doit être compris entre 1 et 10
field-period = La période doit être un nombre entier de secondes, au moins 1
field-counter = Le compteur doit être un nombre entier, 0 ou plus
