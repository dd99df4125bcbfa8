# email (fr) : les e-mails du service au client, avec « vous ». $issuer est le nom du site ;
# $country un nom de pays CLDR (sans article, d'où les parenthèses) ; $reason est l'explication
# du service pour un verrouillage, en anglais.

email-hello = Bonjour,
email-never-ask = Nous ne vous demanderons jamais de code ni de mot de passe par e-mail.
email-time = { $date } à { $time } UTC
email-field = { $label } : { $value }
email-when = Quand
email-where = Où
email-what = Quoi
email-device = Appareil
email-ip = Adresse IP
email-where-value = { $country } (adresse IP { $ip })
email-ip-value = adresse IP { $ip }
email-unknown-country = pays inconnu
email-unknown-ip = adresse IP inconnue
email-unknown-device = appareil inconnu

email-alert-subject = { $issuer } : connexion inhabituelle ({ $country })
email-alert-intro = Nous avons remarqué une connexion inhabituelle à votre compte { $issuer } :
email-alert-mine-text = Si c'était vous, ouvrez l'application Vigil et touchez « C'était moi » sur l'événement.
email-alert-mine-html = Si c'était vous, ouvrez l'application Vigil et choisissez « C'était moi » sur l'événement.
email-alert-not-mine-text = Si ce n'était pas vous, ouvrez l'application Vigil et touchez « Ce n'était pas moi » sur l'événement, ou ouvrez ce lien sur l'appareil où Vigil est installé :
email-alert-not-mine-html = Si ce n'était pas vous :
email-alert-not-mine-link = Ce n'était pas moi
email-alert-not-mine-html-after = (ouvre l'application Vigil).
email-alert-locked = Votre compte est verrouillé jusqu'à votre réponse ; personne ne peut se connecter d'ici là.

email-state-locked-subject = { $issuer } : votre compte est verrouillé
email-state-unlocked-subject = { $issuer } : votre compte est déverrouillé
email-state-locked = Votre compte { $issuer } est { $state }.
email-state-unlocked = Votre compte { $issuer } est déverrouillé et fonctionne comme avant.
email-why = Motif (en anglais) : { $reason }
email-state-what-now-text = Ce que vous pouvez faire : ouvrez l'application Vigil, regardez les événements signalés comme inhabituels et répondez « C'était moi » ou « Ce n'était pas moi » pour chacun. Si vous avez répondu « Ce n'était pas moi », envoyez-nous un document depuis l'application et une personne de notre équipe examinera votre compte.
email-state-what-now-html = Ce que vous pouvez faire : ouvrez l'application Vigil, regardez les événements signalés comme inhabituels et répondez « C'était moi » ou « Ce n'était pas moi » pour chacun. Si vous avez répondu « Ce n'était pas moi », envoyez-nous un document depuis l'application et une personne de notre équipe examinera votre compte.

email-digest-subject = { $issuer } : votre activité des 7 derniers jours
email-digest-intro = Votre activité { $issuer } des 7 derniers jours (connexions, commandes et réservations) :
email-digest-empty = Rien ne s'est passé.
email-digest-not-mine-text = Si quelque chose ici n'était pas vous, ouvrez l'application Vigil et touchez « Ce n'était pas moi » sur l'événement.
email-digest-not-mine-html = Si quelque chose ici n'était pas vous, ouvrez l'application Vigil et choisissez « Ce n'était pas moi » sur l'événement.
