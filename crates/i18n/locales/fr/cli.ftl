# cli (fr) : chaque phrase qu'affiche la commande `vigil`. La sortie pour les machines (codes,
# URI, JSON) n'est pas ici. Les détails venus d'en dessous ($detail) sont en anglais.

## Erreurs des crates en dessous, leur détail anglais dans une phrase

cli-error-failed = Échec : { $detail }
cli-error-refused = Refusé : { $detail }
cli-error-vault = Le coffre est inutilisable : { $detail }
cli-error-io = La lecture ou l'écriture a échoué : { $detail }
cli-error-duplicate = { $name } est déjà dans Vigil avec le même secret
cli-error-no-such-id = Aucun compte n'a l'identifiant { $id }
cli-error-invalid-uri = URI otpauth invalide : { $detail }
cli-error-invalid-export-uri = URI d'export invalide : { $detail }
cli-service-error = Illisible : { $detail }
cli-bad-link = { $name } : lien invalide : { $detail }
cli-warning = attention : { $detail }
cli-warning-backup = attention : la sauvegarde automatique n'a pas été faite : { $detail }

## Trouver les comptes

cli-error-no-match = aucun compte ne correspond à '{ $query }'
cli-error-many-match = { $count ->
    [one] '{ $query }' correspond à { $count } compte ; soyez plus précis :
   *[other] '{ $query }' correspond à { $count } comptes ; soyez plus précis :
}
    { $names }

## Ajouter, lister, renommer, supprimer

cli-error-add-source = indiquez --uri, --qr, --screen ou --clipboard
cli-source-screen = l'écran
cli-source-clipboard = le presse-papiers
cli-added = { $name } ajouté
cli-would-add = { $name } serait ajouté
cli-skipped = { $name } ignoré : déjà dans Vigil
cli-added-skipped = { $added } ajouté(s), { $skipped } ignoré(s)
cli-clipboard-cleared = Le lien otpauth a été effacé du presse-papiers.
cli-export-batch = Code d'export Google Authenticator { $index } sur { $size }
cli-skipped-qr = code QR ignoré : { $detail }
cli-error-uri-stdin = impossible de lire l'URI sur l'entrée standard : { $detail }
cli-error-uri-stdin-empty = --uri - lit l'URI sur l'entrée standard, mais elle était vide
cli-error-next-on-totp = { $name } est basé sur le temps ; --next ne sert qu'aux comptes à compteur (HOTP)
cli-list-empty = Aucun compte pour l'instant. Ajoutez-en un avec : vigil add --uri 'otpauth://…'
cli-list-group-empty = Aucun compte n'est dans le groupe { $group }.
cli-list-issuer = ÉMETTEUR
cli-list-label = LIBELLÉ
cli-list-type = TYPE
cli-list-digits = CHIFFRES
cli-list-period = PÉRIODE
cli-list-secret-missing = secret absent du trousseau
cli-renamed = { $old } renommé en { $new }
cli-error-remove-needs-yes = { $name } n'est pas supprimé sans --yes (ses codes cesseraient de fonctionner ici)
cli-remove-prompt = Supprimer { $name } ? Ses codes ne fonctionneront plus dans Vigil. [o/N]
cli-yes-short = o
cli-yes-long = oui
cli-kept = { $name } conservé.
cli-removed = { $name } supprimé

## Fichiers, import et export

cli-error-cannot-read-file = { $path } : impossible de lire le fichier : { $detail }
cli-error-in-file = { $path } : { $detail }
cli-error-file-exists = { $path } existe déjà ; Vigil n'écrit des secrets que dans un nouveau fichier : choisissez un autre nom
cli-error-cannot-write = impossible d'écrire { $path } : { $detail }
cli-error-cannot-write-into = impossible d'écrire dans { $path } : { $detail }
cli-error-man-needs-folder = les pages de manuel demandent un dossier : vigil generate man --out DIR
cli-error-unknown-format = format inconnu '{ $name }' ; les formats sont { $formats }
cli-error-encrypted-no-terminal = { $path } est chiffré : lancez ceci dans un terminal pour que son mot de passe vous soit demandé, ou donnez-le sur l'entrée standard avec --password-stdin
cli-error-too-large = { $path } : { $size }, c'est trop grand pour une sauvegarde (Vigil lit jusqu'à { $limit } Mio)
cli-size-mib = { $count } Mio
cli-size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
cli-left-out = { $name } laissé de côté : { $reason }
cli-import-totals = { $added } ajouté(s), { $skipped } ignoré(s), { $left } laissé(s) de côté (d'une sauvegarde { $format })
cli-import-totals-dry-run = { $added } à ajouter, { $skipped } ignoré(s), { $left } laissé(s) de côté (d'une sauvegarde { $format })
cli-nothing-stored = Rien n'a été enregistré (--dry-run).
cli-left-out-no-secret = { $name } : son secret n'est pas dans le trousseau ; laissé de côté
cli-skipped-no-secret = { $name } ignoré : son secret manque dans le trousseau
cli-wrote-aegis = { $count ->
    [one] { $count } compte écrit dans { $path }, chiffré (un coffre Aegis : Aegis et `vigil import` l'ouvrent)
   *[other] { $count } comptes écrits dans { $path }, chiffrés (un coffre Aegis : Aegis et `vigil import` l'ouvrent)
}
cli-warning-qr-file = attention : { $path } contient le secret de { $name } ; supprimez-le une fois scanné
cli-wrote-qr = Code QR de { $name } écrit dans { $path }
cli-wrote = { $path } écrit
cli-warning-qr-files = attention : ces images contiennent vos secrets ; supprimez-les une fois scannées
cli-warning-not-encrypted = attention : cet export n'est pas chiffré ; quiconque le lit peut générer vos codes
cli-error-secrets-to-terminal = les secrets ne sont pas affichés dans un terminal ; redirigez vers un fichier ou ajoutez --yes

## Mots de passe

cli-password-prompt = Mot de passe de { $what } :
cli-password-again = Encore une fois, pour être sûr :
cli-error-password-stdin = impossible de lire le mot de passe sur l'entrée standard : { $detail }
cli-error-password-unreadable = impossible de lire le mot de passe : { $detail }
cli-error-password-empty = le mot de passe de { $what } est vide
cli-error-password-no-terminal = aucun terminal pour demander un mot de passe : donnez une ligne sur l'entrée standard avec --password-stdin
cli-error-passwords-differ = les deux mots de passe diffèrent ; rien n'a été écrit

## Activité et sessions

cli-not-linked = non lié : { $detail }
cli-linked-on-add = Lié à son activité sur { $host } (consultez-la avec `vigil activity` ; --no-link évite ce lien)
cli-linked = { $name } lié à son activité sur { $host }
cli-unlinked = { $name } n'est plus lié
cli-error-runtime = impossible de démarrer l'environnement réseau : { $detail }
cli-error-not-linked-hint = { $name } n'est lié à aucun fil d'activité (vigil link { $label } URL)
cli-error-not-linked = { $name } n'est lié à aucun fil d'activité
cli-error-no-feed-read = aucun fil d'activité n'a pu être lu
cli-none-linked = Aucun compte n'est lié à un fil d'activité.
cli-account-state = Compte { $state }
cli-you-said-mine = Votre réponse : c'était moi
cli-you-said-not-mine = Votre réponse : ce n'était pas moi
cli-was-this-you = Était-ce vous ?  vigil verdict { $id } mine | not-mine
cli-error-no-such-event = l'activité d'aucun compte lié n'a d'événement { $event }
cli-error-event-maybe-unread = l'événement { $event } est introuvable, mais une partie de l'activité n'a pas pu être lue, il s'y trouve peut-être : { $detail }
cli-error-event-ambiguous = l'événement { $event } est dans l'activité de { $names } ; précisez lequel avec --account
cli-recorded-mine = « C'était moi » enregistré pour { $name }. Le compte est { $state }.
cli-recorded-not-mine = « Ce n'était pas moi » enregistré pour { $name }. Le compte est { $state }.
cli-error-no-sessions-read = aucune session n'a pu être lue
cli-password-reset-required = Le site demandera un nouveau mot de passe à la prochaine connexion
cli-no-sessions = Connecté nulle part
cli-session-times = depuis { $since }, vu pour la dernière fois { $seen }
cli-session-times-last-code = depuis { $since }, vu pour la dernière fois { $seen } · le dernier code venait d'ici
cli-not-you-sign-out = Pas vous ?  vigil sign-out { $account } { $session }
cli-signed-out = { $device } ({ $session }) déconnecté de { $name } ; le site a été prévenu.
cli-session-ended-already = La session { $session } de { $name } était déjà terminée ({ $state }).
cli-secured = { $count ->
    [one] { $name } sécurisé : { $count } session déconnectée, et le site demandera un nouveau mot de passe à la prochaine connexion. Le compte est { $state }.
   *[other] { $name } sécurisé : { $count } sessions déconnectées, et le site demandera un nouveau mot de passe à la prochaine connexion. Le compte est { $state }.
}
