# review (fr) : la page de vérification du service, pour l'équipe de vérification (pas pour les
# clients). $reason et la note d'une décision sont le texte du service ou de l'équipe, tel quel.

review-title = Vérification Vigil
review-heading = Comptes verrouillés
review-none = Aucun compte n'est verrouillé.
review-state-active = Actif
review-state-locked-pending-verification = Verrouillé : le client doit confirmer ou contester l'activité signalée
review-state-locked-pending-review = Verrouillé : en attente de la décision d'un vérificateur
review-state-reason = Motif : { $reason }
review-when = Quand
review-what = Quoi
review-where = Où
review-why = Pourquoi signalé
review-customer-said = Réponse du client
review-place = { $country } · { $ip }
review-verdict-mine = C'était moi
review-verdict-not-mine = Ce n'était pas moi
review-documents = Documents (à télécharger avec l'API et la clé de vérification) :
review-document = { $path } ({ $type })
review-document-size = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
review-note = Note au client (affichée dans l'application et dans l'e-mail)
review-unlock = Déverrouiller
review-keep-locked = Laisser verrouillé
