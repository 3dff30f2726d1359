# Kartlegg — French (fr). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.

# draft
app-title = Enregistrez vos compétences
# draft
skip-to-content = Aller au contenu
# draft
loading = Chargement…
# draft
back = Retour
# draft
next = Suivant
# draft
language-switch = Langue
# draft
language-choose = Choisissez la langue que vous voulez utiliser.

## Informations avant la connexion
# draft
info-title = Comment vous inscrire
# draft
info-why = Les services publics qui donnent des conseils sur la formation, les études et le travail doivent savoir ce que vous savez faire. Ensuite, ils peuvent vous aider à faire un plan.
# draft
info-topic-languages = les langues que vous parlez
# draft
info-topic-school = votre scolarité
# draft
info-topic-work = votre expérience de travail
# draft
info-topic-activities = les activités que vous avez l'habitude de faire
# draft
info-topic-wishes = vos intérêts et vos souhaits pour les études et le travail
# draft
info-even-if = Inscrivez-vous même si vous n'avez jamais été à l'école ni eu de travail.
# draft
info-how = Vous avez besoin de votre numéro DUF et d'un code. Le personnel de votre centre d'accueil vous donne le code.
# draft
info-time = Cela prend environ 30 minutes. Vous pouvez faire une pause et revenir tant que votre code est valable.
# draft
info-rights = Vous avez le droit de voir ce qui est enregistré sur vous et de faire corriger les informations fausses.

## Connexion
# draft
login-title = Connectez-vous au formulaire
# draft
login-intro = Écrivez votre numéro DUF et le code que le personnel vous a donné.
# draft
login-duf = Numéro DUF
# draft
login-duf-hint = 12 chiffres. Vous le trouvez sur vos papiers des services de l'immigration.
# draft
login-code = Votre code
# draft
login-code-hint = 8 chiffres, par exemple 1234 5678.
# draft
login-submit = Se connecter au formulaire
# draft
login-duf-invalid = Écrivez le numéro DUF avec 12 chiffres.
# draft
login-code-invalid = Écrivez le code avec 8 chiffres.
# draft
login-failed = Le numéro DUF ou le code n'est pas correct, ou le code n'est plus valable. Vérifiez-les et réessayez, ou demandez un nouveau code au personnel.
# draft
login-too-many = Trop d'essais. Réessayez dans { $minutes ->
    [one] { $minutes } minute
    [many] { $minutes } de minutes
   *[other] { $minutes } minutes
  }.

## Consentement
# draft
consent-title = Consentement
# draft
consent-purpose = Les informations que vous enregistrez servent à vous donner des conseils et des offres de formation, d'études et de travail.
# draft
consent-who = Seules les personnes qui vous conseillent au centre d'accueil, à la commune et à l'IMDi peuvent les voir.
# draft
consent-not-asylum = Elles ne sont pas utilisées pour examiner votre demande de protection (asile).
# draft
consent-rights = Vous avez le droit de voir ce qui est enregistré sur vous, et de le faire corriger ou supprimer. Demandez au personnel, ou écrivez à l'IMDi.
# draft
consent-storage = Les informations sont supprimées quand on n'en a plus besoin.
# draft
consent-decline = Je ne donne pas mon consentement
# draft
consent-accept = Je donne mon consentement et je veux m'inscrire
# draft
declined-title = Vous n'avez pas donné votre consentement
# draft
declined-text = Nous avons seulement gardé une information sur vous : vous n'avez pas donné votre consentement. Votre session est fermée. Si vous changez d'avis, demandez un nouveau code au personnel.
# draft
declined-start-again = Aller à la page d'accueil

## Le formulaire
# draft
overview-title = Votre inscription
# draft
overview-intro = L'inscription a sept parties. Choisissez une partie, ou commencez par la première.
# draft
overview-link = Voir toutes les parties
# draft
overview-to-summary = Aller au résumé
# draft
progress-not-started = Pas commencé
# draft
progress-in-progress = En cours
# draft
progress-done = Terminé
# draft
part-of = Partie { $number } sur { $total }
# draft
status-not-answered = Pas de réponse
# draft
status-missing = Réponse manquante
# draft
status-answered = Répondu
# draft
answer-missing-choice = Choisissez une des réponses proposées.
# draft
answer-missing-text = Écrivez une réponse.
# draft
answer-error-required = Répondez à cette question.
# draft
answer-error-not_an_option = Choisissez une des réponses proposées.
# draft
answer-error-too_long = La réponse est trop longue.
# draft
answer-error-too_few = Choisissez plus de réponses.
# draft
answer-error-too_many = Choisissez moins de réponses.
# draft
answer-error-unknown_question = Cette question n'est pas dans le formulaire.
# draft
answer-error-wrong_type = Cette réponse n'est pas du bon type.
# draft
error-summary-title = Il manque des réponses
# draft
list-search = Chercher dans la liste
# draft
list-choose = Choisir
# draft
group-add = Ajouter encore
# draft
group-entry = Numéro { $number }
# draft
group-remove = Supprimer
# draft
group-removed = Supprimé.
# draft
group-undo = Annuler
# draft
save-saving = Sauvegarde en cours…
# draft
save-saved = Sauvegardé
# draft
save-pending = Pas encore sauvegardé — nouvel essai bientôt
# draft
save-invalid = Certaines réponses n'ont pas pu être sauvegardées. Lisez les messages plus bas.
# draft
save-conflict = Vos réponses ont été changées dans une autre fenêtre. Nous avons chargé les réponses les plus récentes.

## Traduction côte à côte et lecture à voix haute
# draft
translate-open = Traduire le formulaire
# draft
translate-choose = Afficher une traduction en
# draft
translate-none = Choisissez une langue
# draft
translate-hide = Cacher la traduction
# draft
read-aloud = Lire à voix haute
# draft
read-aloud-stop = Arrêter la lecture

## Résumé et fin
# draft
summary-title = Vérifiez vos réponses
# draft
summary-edit = Modifier
# draft
summary-next = Quand vous terminez l'inscription, les personnes qui vous conseillent peuvent la voir. Ensuite, vous ne pouvez plus la modifier, mais vous pouvez remplir le formulaire à nouveau.
# draft
summary-complete = Terminer l'inscription
# draft
summary-missing = Il manque des réponses obligatoires. Retournez aux parties et répondez aux questions.
# draft
done-title = Votre inscription est terminée
# draft
done-text = Merci. Les personnes qui vous conseillent sur la formation, les études et le travail peuvent maintenant voir ce que vous avez enregistré.
# draft
done-fill-again = Remplir le formulaire à nouveau
# draft
logout = Se déconnecter

## Mes données
# draft
my-data-title = Vos données
# draft
my-data-intro = Voici tout ce que Kartlegg a sur vous.
# draft
my-data-person = À propos de vous
# draft
my-data-name = Nom
# draft
my-data-organisation = Suivi par
# draft
my-data-consents = Consentements
# draft
my-data-registrations = Inscriptions
# draft
my-data-completed = Terminée
# draft
my-data-draft = Pas terminée
# draft
my-data-download = Télécharger dans un fichier
nav-label = Votre compte
nav-my-data = Mes données
my-data-download-html = Télécharger une page à lire
my-data-no-answers = Pas encore de réponse.
my-data-consent-accept = Vous avez accepté
my-data-consent-decline = Vous avez refusé

## Erreurs et autres pages
# draft
error-network = Nous n'avons pas pu joindre le service. Vérifiez votre connexion internet et réessayez.
# draft
error-unexpected = Il y a eu un problème. Réessayez, ou demandez de l'aide au personnel.
# draft
status-title = État du service
# draft
status-checking = Vérification du service…
# draft
status-ready = Le service est prêt.
# draft
status-unavailable = Le service n'est pas disponible pour le moment. Réessayez plus tard.
# draft
not-found-title = Page introuvable
# draft
not-found-home = Aller à la page d'accueil

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = Écrivez un nombre avec des chiffres seulement.
# draft
answer-error-too_small = Le nombre est trop petit. Écrivez un nombre de { $min } à { $max }.
# draft
answer-error-too_large = Le nombre est trop grand. Écrivez un nombre de { $min } à { $max }.
# draft
answer-error-other = Vérifiez cette réponse.
# draft
error-summary-attention = Certaines réponses sont à vérifier
# draft
number-range = Un nombre de { $min } à { $max }
# draft
year-range = Une année de { $min } à { $max }
# draft
group-missing = Ajoutez-en au moins un.
# draft
save-conflict-same-part = Vous avez aussi changé cette partie dans une autre fenêtre. Quelles réponses voulez-vous garder ?
# draft
save-conflict-keep-mine = Garder les réponses de cette page
# draft
save-conflict-take-theirs = Utiliser les réponses de l'autre fenêtre
# draft
summary-part-missing = Il manque des réponses dans cette partie :
# draft
overview-start = Commencer
# draft
overview-continue = Continuer
# draft
done-fill-again-confirm = Vous recevez une copie de vos réponses pour les modifier. Les personnes qui vous conseillent voient votre inscription terminée jusqu'à ce que vous terminiez la nouvelle.
# draft
done-fill-again-yes = Oui, remplir le formulaire à nouveau
# draft
done-fill-again-cancel = Non, ne rien changer
# draft
error-session-ended = Votre session est fermée. Connectez-vous à nouveau avec un nouveau code.
# draft
together-banner = Inscription avec un conseiller
# draft
together-end = Terminer et revenir
