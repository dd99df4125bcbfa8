# Les lieux suivent « · » ou sont entre parenthèses : les noms de pays (CLDR) viennent sans article.
# Événements, motifs et états du compte en mots (l'app, la CLI et les e-mails du service).

activity-place-city = { $city }, { $country }
activity-device = { $browser } sur { $os }
activity-with-device = { $text } · { $device }

event-sign-in = Connexion
event-sign-in-from = Connexion · { $place }
event-sign-in-failed = { $count ->
    [one] Échec de connexion
   *[other] { $count } échecs de connexion
}
event-sign-in-failed-from = { $count ->
    [one] Échec de connexion · { $place }
   *[other] { $count } échecs de connexion · { $place }
}
event-sign-out = Déconnexion
event-sign-out-from = Déconnexion · { $place }
event-order = Commande { $reference } · { $amount } { $currency }
event-booking = Réservation { $reference } · { $what } · { $when }
event-email-changed = Adresse e-mail modifiée
event-email-changed-from = Adresse e-mail modifiée · { $place }
event-phone-changed = Numéro de téléphone modifié
event-phone-changed-from = Numéro de téléphone modifié · { $place }
event-address-changed = Adresse postale modifiée
event-address-changed-from = Adresse postale modifiée · { $place }
event-password-changed = Mot de passe modifié
event-password-changed-from = Mot de passe modifié · { $place }
event-card-added = Carte ajoutée : { $brand } se terminant par { $last4 }
event-card-added-from = Carte ajoutée : { $brand } se terminant par { $last4 } · { $place }
event-account-unlocked = Compte déverrouillé
event-account-locked = Compte verrouillé
event-account-state-changed = État du compte modifié
event-document-received = Document reçu pour vérification

duration-under-a-minute = moins d'une minute
duration-minutes = { $count ->
    [one] une minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] une heure
   *[other] { $count } heures
}

reason-new-country-too-soon = Connexion ({ $here }) { $duration } après une connexion ({ $before })
reason-new-country-too-soon-vague = Connexion depuis un nouveau pays peu après une connexion depuis un autre
reason-impossible-travel = Connexion ({ $here }) trop tôt après une connexion ({ $before }) pour avoir fait le voyage
reason-impossible-travel-vague = Deux connexions trop éloignées pour le temps qui les sépare
reason-card-after-flagged-sign-in = Une carte a été ajoutée moins d'un jour après une connexion inhabituelle
reason-cards-in-window = Une troisième carte a été ajoutée en moins d'un jour
reason-new-country = Première connexion en 90 jours depuis ce pays : { $here }
reason-new-country-vague = Première connexion depuis un nouveau pays en 90 jours
reason-new-device = Première connexion avec { $device } en 90 jours
reason-new-device-vague = Première connexion avec cet appareil en 90 jours
reason-account-changes = E-mail, téléphone, adresse ou mot de passe modifiés plusieurs fois en un jour
reason-too-many-failed-codes = De nombreux codes erronés saisis à la suite
reason-other = Une autre règle : { $rule }

state-active = actif
state-locked-pending-verification = verrouillé : confirmez l'activité signalée (c'était moi) ou envoyez un document pour vérification
state-locked-pending-review = verrouillé : le service l'examine

# L'écart de l'horloge de cet ordinateur, selon un service lié (« 2 minutes de retard »).
offset-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}
offset-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
offset-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
offset-hours-minutes = { $hours } { $minutes }
offset-behind = en retard de { $amount }
offset-ahead = en avance de { $amount }
