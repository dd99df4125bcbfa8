# Les écrans de l'app : modèles (ui/) et script de la page (clés commençant par js-).

about-text = Des codes à deux facteurs issus du trousseau de votre système. Vos secrets ne quittent jamais le trousseau de cet ordinateur.
account = Compte
accounts = Comptes
activity = Activité
activity-from = { $label } · activité depuis { $host }
activity-of = Activité de { $issuer } { $label }
activity-of-linked = Activité des comptes liés
add = Ajouter
add-account = Ajouter un compte
add-an-account = Ajouter un compte
add-selected = Ajouter la sélection
add-these = Ajouter ces comptes ?
advanced = Avancé
algorithm = Algorithme
all-accounts = Tous les comptes
already-in-vigil = déjà dans Vigil
app-lock = Verrouillage de l'app
back = Retour
back-to-accounts = Retour aux comptes
back-up-now = Sauvegarder maintenant
backup-password-not-kept = Le mot de passe ouvre uniquement ce fichier ; Vigil ne le conserve pas.
backup-settings = Paramètres de sauvegarde
backups-text = Après chaque modification, Vigil enregistre tous vos comptes dans un fichier chiffré (comme « Exporter une sauvegarde », qu'Aegis et Vigil peuvent ouvrir) et conserve les plus récents.
backups-title = Sauvegardes automatiques
cancel = Annuler
change = Modifier
check-for-updates = Rechercher des mises à jour
check-updates = Rechercher une nouvelle version de Vigil au démarrage
check-updates-now = Rechercher des mises à jour maintenant
choose-image = Choisir une image…
clipboard-seconds = Effacer les codes copiés après (secondes ; 0 = jamais)
close = Fermer
correct-clock = Corriger les codes quand l'horloge de cet ordinateur est décalée
counter = Compteur
delete = Supprimer
delete-title = Supprimer ce compte ?
digits = Chiffres
done = Terminé
drop-anywhere = ou n'importe où dans cette fenêtre
drop-here = Déposez ici une image du code QR
edit-account = Modifier le compte
empty-drop = Déposez une image du code QR dans cette fenêtre
empty-text = Quand un site vous montre un code QR pour la connexion à deux facteurs, ajoutez-le ici.
empty-title = Ajoutez votre premier compte
empty-way-key = Saisissez la clé de configuration fournie par le site
empty-way-link = Collez un lien otpauth://
empty-way-picture = Choisissez ou collez une image du code QR, ou scannez votre écran
end-session-title = Déconnecter cet appareil ?
enter-setup-key = Saisir une clé de configuration
export = Exporter
export-password-not-kept = Vigil ne conserve pas ce mot de passe : sans lui, la sauvegarde ne peut pas être ouverte.
export-text = Tous les comptes vont dans un seul fichier, chiffré avec le mot de passe que vous choisissez ici. Aegis peut l'ouvrir, tout comme Vigil (Ajouter, Importer une sauvegarde). Il est enregistré dans votre dossier Documents.
export-title = Exporter une sauvegarde
fatal-title = Vigil ne peut pas ouvrir vos comptes
find-service = Trouver un service
flagged = signalé
folder = Dossier
group = Groupe
groups = Groupes
groups-hint = Séparez les groupes par des virgules. La liste peut afficher un groupe à la fois.
hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
icon = Icône
icon-automatic = Automatique
icon-automatic-named = Automatique ({ $name })
icon-initial = Initiale seulement
icon-none-match = Aucune icône fournie ne correspond à « { $query } ».
icons = Icônes
import-backup = Importer une sauvegarde…
import-hint = Les sauvegardes d'Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Stratum, Proton Authenticator et Vigil peuvent être importées ou déposées ici.
install = Installer
js-activity-of-flagged = Activité de { $issuer } { $label }, { $count } à vérifier
js-activity-of-locked = Activité de { $issuer } { $label }, verrouillé
js-backed-up = Sauvegardé
js-backup-what = Ce fichier est { $what }, chiffré avec un mot de passe.
js-backups-failed = La dernière sauvegarde a échoué : { $error }
js-backups-hint-off = Au moins 8 caractères. Vigil le conserve dans le trousseau du système ; sans lui, les sauvegardes ne peuvent pas être ouvertes.
js-backups-hint-on = Laissez les deux champs vides pour garder le mot de passe choisi.
js-backups-last = Activées. Dernière sauvegarde : { $when }.
js-backups-last-file = Activées. Dernière sauvegarde : { $when } : { $file }.
js-backups-none = Activées. Aucune sauvegarde n'a encore été faite.
js-backups-off = Désactivées
js-backups-summary-last = activées, dernière : { $when }
js-backups-turned-off = Les sauvegardes automatiques sont désactivées. Les sauvegardes déjà faites restent dans le dossier.
js-backups-turned-on = Les sauvegardes automatiques sont activées
js-code = Code { $digits }
js-code-left = { $count ->
    [one] Code { $digits }, { $count } seconde restante
   *[other] Code { $digits }, { $count } secondes restantes
}
js-copied = Copié
js-copied-code = Code de { $name } copié
js-delete-text = Supprimer le compte { $name } ? Ses codes ne fonctionneront plus dans cette app.
js-end-session-text = Déconnecter { $device } sur { $service } ? La personne qui utilise cet appareil devra se reconnecter, avec votre mot de passe et un code.
js-event-gone = Cet événement ne fait plus partie de l'activité récente de ce compte
js-file-too-large = Le fichier est trop volumineux (limite : { $limit } Mo)
js-keep-range = Conservez un nombre entier de sauvegardes entre 1 et 1000
js-link-text = Afficher les connexions, commandes et modifications de { $name } fournies par son service.
js-linked = Lié
js-lock-hint-off = Au moins 8 caractères. Ce n'est pas le mot de passe de votre trousseau ; Vigil n'en conserve qu'une empreinte.
js-lock-hint-on = Pour garder votre mot de passe, laissez les deux champs vides. Pour désactiver le verrouillage, saisissez-le dans le premier champ.
js-lock-state-idle = { $count ->
    [one] Activé : Vigil demande votre mot de passe au démarrage et après { $count } minute d'inactivité.
   *[other] Activé : Vigil demande votre mot de passe au démarrage et après { $count } minutes d'inactivité.
}
js-lock-state-off = Désactivé : toute personne devant cet ordinateur peut voir vos codes tant que votre session est ouverte.
js-lock-state-start = Activé : Vigil demande votre mot de passe au démarrage et quand vous le verrouillez.
js-lock-summary-idle = { $count ->
    [one] activé, verrouille après { $count } minute d'inactivité
   *[other] activé, verrouille après { $count } minutes d'inactivité
}
js-lock-summary-start = activé, verrouille seulement au démarrage de Vigil
js-lock-turned-off = Le verrouillage de l'app est désactivé
js-lock-turned-on = Le verrouillage de l'app est activé
js-name-at = { $label } sur { $issuer }
js-off = désactivé
js-on = activé
js-qr-text = Toute personne qui voit le code QR de { $name } peut générer ses codes. Ne l'affichez que pour transférer le compte sur votre téléphone, sans personne qui regarde votre écran.
js-saved = Enregistré
js-seconds-range = Saisissez un nombre entier de secondes entre 0 et 3600
js-secure-title = Sécuriser votre compte sur { $service } ?
js-settings-saved = Paramètres enregistrés
js-tick-one = Cochez au moins un compte à ajouter
js-too-large-backup = Ce fichier est trop volumineux pour une sauvegarde ({ $size } Mo ; limite : 16 Mo)
js-too-large-scan = Ce fichier est trop volumineux pour être analysé ({ $size } Mo ; limite : 50 Mo)
js-unpin = Désépingler
js-update-available = Vigil { $version } est disponible.
js-update-checking = Recherche de mises à jour…
js-update-installed = Vigil { $version } est installé. Redémarrez Vigil pour l'utiliser.
js-update-installing = Téléchargement et installation de Vigil { $version }…
js-update-newest = Vigil { $version } est la version la plus récente.
js-update-offer = Vigil { $version } est disponible (vous avez { $current }). L'installer maintenant ?
keep-it = Le garder
keep-newest = Garder les plus récentes
keep-running = Continuer en arrière-plan quand la fenêtre est fermée (les alertes continuent)
kind = Type
kind-hotp = Compteur (HOTP)
kind-steam = Steam Guard
kind-totp = Temporel (TOTP)
language = Langue
language-system = Comme le système
last-code-here = votre dernier code a été utilisé ici
later = Plus tard
link = Lier
link-activity = Lier l'activité
link-from-host = Afficher les connexions et commandes de ce compte depuis { $host }
link-url = Le lien d'activité du service (https://…/v1/feed/…)
lock-idle = Verrouiller après une inactivité de
lock-idle-never = Jamais (seulement au démarrage, ou avec « Verrouiller Vigil » dans le menu)
lock-my-account = Verrouiller mon compte
locked-text = Saisissez votre mot de passe Vigil pour voir vos codes et votre activité.
locked-title = Vigil est verrouillé
main-menu = Menu principal
menu-about = À propos de Vigil
menu-backups = Sauvegardes automatiques…
menu-copy = Copier le code
menu-down = Descendre
menu-edit = Modifier
menu-export = Exporter une sauvegarde…
menu-icon = Icône…
menu-link = Lier l'activité…
menu-lock = Verrouiller Vigil
menu-pin = Épingler en haut
menu-qr = Afficher le code QR
menu-unlink = Délier l'activité
menu-up = Monter
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
more-for = Plus pour { $issuer } { $label }
needs-attention = Requiert votre attention
next-code-for = Code suivant pour { $issuer }
no-match = Aucun compte ne correspond à votre recherche.
not-mine-text = Le service va verrouiller ce compte immédiatement, pour que personne ne puisse l'utiliser, et vous demander de confirmer votre activité récente. Vous pourrez le déverrouiller en confirmant les événements qui venaient de vous, ou en envoyant un document pour vérification.
not-mine-title = Ce n'était pas vous ?
not-now = Pas maintenant
nothing-needs-attention = Rien ne requiert votre attention
notify = M'avertir en cas d'activité inhabituelle et de verrouillage
older-activity = Afficher l'activité plus ancienne
open = Ouvrir
open-backup = Ouvrir la sauvegarde
orphans-notice = { $count ->
    [one] { $count } compte ne peut pas afficher de codes : son secret manque dans le trousseau.
   *[other] { $count } comptes ne peuvent pas afficher de codes : leurs secrets manquent dans le trousseau.
}
password = Mot de passe
password-again = Le même mot de passe à nouveau
password-reset-required = { $service } demandera un nouveau mot de passe à la prochaine connexion.
paste-clipboard = Coller depuis le presse-papiers
paste-uri = Ou collez un lien otpauth:// (ou un lien d'export Google Authenticator)
period = Période (secondes)
pinned = Épinglé
placeholder-groups = Travail, Argent
placeholder-service = Boutique
qr-scan-hint = Scannez-le avec l'authentificateur de votre téléphone. Fermez cette fenêtre quand vous avez terminé.
qr-title = Afficher le code QR ?
recent-activity = Activité récente
restart-vigil = Redémarrer Vigil
review-update = Voir
row-label = { $issuer } { $label } : Entrée pour copier le code, Espace pour l'entendre, Alt et une flèche pour le déplacer
save = Enregistrer
scan-screen = Scanner l'écran
search = Rechercher
search-accounts = Rechercher des comptes
secret-missing = Secret absent du trousseau
secure-account = Sécuriser mon compte
secure-account-more = Sécuriser mon compte…
secure-intro = Le service va immédiatement :
secure-step-lock = verrouiller le compte pour vérification si une connexion ou une modification signalée ne venait pas de vous.
secure-step-password = demander un nouveau mot de passe à votre prochaine connexion ;
secure-step-sign-out = déconnecter tous les appareils où ce compte est connecté ;
secure-title = Sécuriser votre compte ?
send-document = Envoyer un document…
service = Service
sessions-none = Vous n'êtes connecté nulle part sur { $service }.
sessions-title = Où vous êtes connecté
settings = Paramètres
settings-backups = Sauvegardes automatiques :
settings-lock = Verrouillage de l'app :
setup-key = Clé de configuration
show-next = Afficher le code suivant dans les dernières secondes
sign-out = Déconnecter
sort = Trier
start-at-login = Démarrer Vigil à l'ouverture de session (sans fenêtre)
the-service = le service
theme = Thème
theme-dark = Sombre
theme-light = Clair
theme-system = Comme le système
this-was-me = C'était moi
this-was-not-me = Ce n'était pas moi
try-again = Réessayer
turn-off = Désactiver
turn-on = Activer
unlock = Déverrouiller
update-title = Mettre à jour Vigil
version = Version { $version }
vigil-password = Mot de passe Vigil
vigil-version = Vigil { $version }
your-accounts = Vos comptes

# Écrit par l'app (src-tauri) : volets, notifications, zone de notification, messages.
fatal-advice-keychain-unavailable = Vigil conserve vos secrets dans le trousseau du système. Ouvrez une session de bureau avec GNOME Keyring ou KWallet en cours d'exécution, puis rouvrez Vigil. Rien n'a été perdu.
fatal-advice-keychain-locked = Déverrouillez le trousseau : votre bureau demande son mot de passe. Vigil continue tout seul une fois qu'il est déverrouillé. Rien n'a été perdu.
fatal-advice-keychain-no-collection = Votre bureau vous demande de choisir un mot de passe pour le nouveau trousseau ; Vigil continue tout seul une fois qu'il est créé.
fatal-advice-database = Vos secrets sont en sécurité dans le trousseau du système. Déplacez le fichier de la liste des comptes (ou restaurez-le depuis une sauvegarde) et rouvrez Vigil.
fatal-advice-other = Fermez Vigil et rouvrez-le. Si cela se reproduit, merci de le signaler.
unlock-keychain = Déverrouiller le trousseau
create-keychain = Créer le trousseau
sort-custom = Votre ordre
sort-issuer = Service
sort-name = Nom du compte
sort-recent = Utilisés récemment
moment-today = aujourd'hui à { $clock }
moment-yesterday = hier à { $clock }
moment-day = { $clock }, { $day }
today = Aujourd'hui
yesterday = Hier
verdict-mine = Vous avez dit : c'était moi
verdict-not-mine = Vous avez dit : ce n'était pas moi
activity-stale = { $problem } : activité affichée telle que connue { $clock }
activity-reading = Lecture de l'activité depuis { $host }…
state-banner-active = Votre compte sur { $service } est actif.
state-banner-not-mine = Votre compte sur { $service } est verrouillé car vous avez indiqué qu'une activité ne venait pas de vous. Envoyez un document (une pièce d'identité ou une lettre) pour que { $service } puisse l'examiner et le déverrouiller.
state-banner-verify = Votre compte sur { $service } est verrouillé. Si l'activité signalée ci-dessous venait de vous, indiquez-le et il sera déverrouillé ; sinon, envoyez un document (une pièce d'identité ou une lettre) pour vérification.
state-banner-review = Votre compte sur { $service } est verrouillé pendant que { $service } l'examine. Vous recevrez une réponse par e-mail.
account-state = Compte { $state }
updated-now = Mis à jour à l'instant
updated-minutes = { $count ->
    [one] Mis à jour il y a { $count } minute
   *[other] Mis à jour il y a { $count } minutes
}
updated-hours = { $count ->
    [one] Mis à jour il y a { $count } heure
   *[other] Mis à jour il y a { $count } heures
}
details = Détails
place-unknown = Lieu inconnu
session-when = Connexion { $started } · dernière activité { $seen }
sessions-unreadable = Vigil n'a pas pu lire où vous êtes connecté : { $error }
session-ended = { $device } déconnecté sur { $service }
secured-signed-out = { $count ->
    [0] Aucun appareil n'était connecté
    [one] { $count } appareil a été déconnecté
   *[other] { $count } appareils ont été déconnectés
}
secured = { $signed_out }. { $service } demandera un nouveau mot de passe à votre prochaine connexion.
secured-locked = Le compte est verrouillé jusqu'à ce que { $service } l'ait examiné.
devices-signed-in = { $count ->
    [one] { $count } appareil est connecté à vos comptes liés
   *[other] { $count } appareils sont connectés à vos comptes liés
}
feed-refused = { $host } a refusé d'afficher l'activité : { $message }
feed-unreachable = Impossible de joindre { $host }
alert-discreet-title = Vigil : une activité à vérifier
alert-discreet-body = Déverrouillez Vigil pour voir quel compte est concerné et ce qui s'est passé.
alert-was-this-you = Était-ce vous ? { $service }
alert-body = { $why }. Compte : { $name }.
alert-many = { $count } événements sur { $service } sont à vérifier
alert-many-body = Le plus récent : { $why }. Compte : { $name }.
alert-locked = { $service } a verrouillé votre compte
alert-locked-body = { $name } est { $state }.
tray-open = Ouvrir Vigil
tray-pause = Suspendre les alertes
tray-quit = Quitter Vigil
tray-attention = Vigil : quelque chose est à vérifier
notification-open = Ouvrir
app-locked-title = Vigil est verrouillé : saisissez votre mot de passe Vigil
kind-totp-params = TOTP, { $digits } chiffres, toutes les { $period } s
kind-hotp-params = HOTP, { $digits } chiffres, compteur { $counter }
added-one = { $name } ajouté
export-part = Ceci est le code QR { $index } sur { $size } de l'export : scannez aussi les autres.
from-google-export = un export Google Authenticator
link-problem = Son activité ne sera pas affichée : { $problem }
preview-from = { $count ->
    [one] { $count } compte (source : { $from })
   *[other] { $count } comptes (source : { $from })
}
preview-found = { $count ->
    [one] { $count } compte trouvé
   *[other] { $count } comptes trouvés
}
left-out = { $name } ignoré : { $reason }
backup-holds-nothing = { $what } ne contient aucun compte que Vigil peut ajouter
backup-of-uris = une liste de liens otpauth
backup-of-an = une sauvegarde { $name }
backup-of-a = une sauvegarde { $name }
added-count = { $count ->
    [one] { $count } compte ajouté
   *[other] { $count } comptes ajoutés
}
added-with-duplicates = { $added } ; { $count } déjà dans Vigil
answer-not-mine = Votre compte sur { $service } est verrouillé. { $service } vous demandera de confirmer votre activité récente.
answer-mine-locked = C'est noté. Le compte reste verrouillé jusqu'à ce que chaque événement signalé ait reçu une réponse.
answer-mine-active = C'est noté. Votre compte sur { $service } est actif.
document-sent = Document envoyé. Le compte est { $state }.
update-not-signed = Le téléchargement de Vigil { $version } n'est pas signé avec la clé de publication de Vigil ; il n'a donc pas été installé. Rien n'a été modifié.
update-not-permitted = Vigil { $version } a été téléchargé et sa signature vérifiée, mais son installation nécessite l'autorisation d'un administrateur, qui n'a pas été accordée. Rien n'a été modifié.
export-folder-full = { $folder } contient déjà 99 sauvegardes d'aujourd'hui
password-too-short = Utilisez un mot de passe d'au moins { $count } caractères
icon-unknown = Vigil n'a pas d'icône nommée « { $name } »
not-linked = { $name } n'est lié à aucun flux d'activité
lock-idle-too-long = Verrouiller après { $count } minutes au maximum
backup-failed-banner = La sauvegarde automatique a échoué : { $error }
clock-too-far = Selon { $host }, l'horloge de cet ordinateur est { $how }. C'est trop pour être plausible, donc Vigil ne corrige pas les codes en conséquence : vérifiez l'horloge de cet ordinateur.
clock-corrected = L'horloge de cet ordinateur est { $how } (selon { $host }). Vigil affiche les codes pour l'heure exacte des services liés ; réglez l'horloge pour corriger cela partout.
clock-not-corrected = L'horloge de cet ordinateur est { $how } (selon { $host }), donc des codes peuvent être refusés. Réglez l'horloge, ou laissez Vigil corriger les codes dans les Paramètres.
device-unknown = Appareil inconnu
