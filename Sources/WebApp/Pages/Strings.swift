import Forms

/// Every fixed text of the pages, German first, English second.
///
/// Templates read them as `{{t.key}}`; a missing key renders empty, so the test of every page also
/// checks that no key is missing (see `StringsTests`).
enum Strings {
    static func table(_ language: Language) -> [String: String] {
        language == .en ? english : german
    }

    static func text(_ key: String, _ language: Language) -> String {
        table(language)[key] ?? key
    }

    private static let german = entries.mapValues(\.de)
    private static let english = entries.mapValues(\.en)

    private static func t(_ de: String, _ en: String) -> LocalizedText { LocalizedText(de: de, en: en) }

    static let entries: [String: LocalizedText] = [
        // layout
        "app_name": t("Vielfalt", "Vielfalt"),
        "app_tagline": t("Freiwillige Angaben zur Vielfalt bei Neueinstellungen", "Voluntary diversity information of new hires"),
        "skip": t("Zum Inhalt springen", "Skip to content"),
        "nav_label": t("Hauptnavigation", "Main navigation"),
        "signed_in_as": t("Angemeldet als", "Signed in as"),
        "logout": t("Abmelden", "Sign out"),
        "login": t("Anmelden", "Sign in"),
        "home": t("Start", "Home"),
        "footer": t("Alle Angaben werden verschlüsselt gespeichert und nur als geschützte Summen ausgewertet.",
                    "All answers are stored encrypted and evaluated only as protected aggregates."),
        // home
        "home_title": t("Willkommen", "Welcome"),
        "home_intro": t("Vielfalt erfasst freiwillige, verschlüsselte Angaben neu eingestellter Beschäftigter und gibt nur geschützte Summen heraus.",
                        "Vielfalt collects voluntary, encrypted answers of new hires and releases nothing but protected aggregates."),
        "home_staff": t("Für Beschäftigte der Verwaltung", "For staff of the administration"),
        "home_respondent": t("Für Befragte", "For respondents"),
        "home_withdraw": t("Einwilligung widerrufen und Angaben löschen", "Withdraw consent and delete answers"),
        "home_your_tasks": t("Ihre Aufgaben", "Your tasks"),
        "home_no_tasks": t("Für Ihre Rolle gibt es in dieser Version noch keine Seiten.", "There are no pages for your role in this version yet."),
        // login
        "login_title": t("Anmeldung", "Sign in"),
        "login_name": t("Benutzername", "User name"),
        "login_password": t("Passwort", "Password"),
        "login_failed": t("Die Anmeldung ist fehlgeschlagen. Prüfen Sie Benutzername und Passwort. Nach mehreren Fehlversuchen müssen Sie einige Zeit warten.",
                          "Sign-in failed. Check your user name and password. After several failed attempts you have to wait a while."),
        "login_expired": t("Ihre Sitzung ist wegen Inaktivität abgelaufen. Bitte melden Sie sich erneut an.",
                           "Your session has expired after inactivity. Please sign in again."),
        "signed_out": t("Sie sind abgemeldet.", "You are signed out."),
        // entry
        "entry_title": t("Fragebogen erfassen", "Enter a questionnaire"),
        "entry_choose_form": t("Wählen Sie den Fragebogen.", "Choose the questionnaire."),
        "entry_version": t("Version", "Version"),
        "context_legend": t("Angaben der Personalstelle", "Entered by human resources"),
        "context_hint": t("Pflichtfelder. Lehnt die Person die Befragung ab, füllen Sie nur diese Felder aus und wählen Sie unten „Gefragt, abgelehnt“.",
                          "Required. If the person declines, fill in only these fields and choose “Asked, declined” below."),
        "choose": t("Bitte wählen", "Please choose"),
        "consent_legend": t("Einwilligung", "Consent"),
        "consent_confirm": t("Ich habe den Text gelesen und willige ein.", "I have read the text and give my consent."),
        "consent_missing": t("Ohne Einwilligung können keine Angaben gespeichert werden. Bitte bestätigen Sie die Einwilligung oder wählen Sie „Gefragt, abgelehnt“.",
                             "Answers can only be stored with consent. Please confirm the consent or choose “Asked, declined”."),
        "items_legend": t("Ihre Angaben (alle freiwillig)", "Your answers (all voluntary)"),
        "save": t("Angaben speichern", "Save answers"),
        "decline": t("Gefragt, abgelehnt (nur Angaben der Personalstelle speichern)", "Asked, declined (store only the HR fields)"),
        "decline_recorded": t("Die Ablehnung wurde gespeichert. Es wurden keine Antworten gespeichert.",
                              "The decline has been recorded. No answers were stored."),
        "errors_title": t("Bitte korrigieren Sie die folgenden Angaben", "Please correct the following"),
        "nothing_stored": t("Es wurde nichts gespeichert.", "Nothing has been stored."),
        "form_general": t("Formular", "Form"),
        // receipt
        "receipt_title": t("Quittung für die befragte Person", "Receipt for the respondent"),
        "receipt_code": t("Ihr Quittungscode", "Your receipt code"),
        "receipt_print": t("Bitte drucken Sie diese Seite jetzt aus (Strg+P) und geben Sie sie der befragten Person. Der Code wird nur dieses eine Mal angezeigt.",
                           "Please print this page now (Ctrl+P) and hand it to the respondent. The code is shown this one time only."),
        "receipt_saved": t("Ihre Angaben wurden verschlüsselt gespeichert.", "Your answers have been stored encrypted."),
        "receipt_withdraw_title": t("So widerrufen Sie", "How to withdraw"),
        "receipt_withdraw": t("Sie können Ihre Einwilligung jederzeit ohne Angabe von Gründen widerrufen. Öffnen Sie dazu die folgende Seite und geben Sie den Code ein; Ihre Angaben werden dann gelöscht. Eine Anmeldung ist nicht nötig.",
                              "You can withdraw your consent at any time without giving reasons. Open the following page and enter the code; your answers will then be deleted. No sign-in is needed."),
        "receipt_data_title": t("Was mit Ihren Angaben geschieht", "What happens with your answers"),
        "receipt_data": t("Ihre Angaben werden ohne Namen und verschlüsselt gespeichert. Nur die abgeschottete Statistikstelle wertet sie aus, und zwar ausschließlich zusammengefasst: Veröffentlicht werden nur Summen, die keine Rückschlüsse auf einzelne Personen erlauben. Nach Ablauf der Aufbewahrungsfrist werden die Angaben gelöscht. Der Code selbst verrät nichts über Ihre Antworten.",
                          "Your answers are stored without your name and encrypted. Only the shielded statistics unit analyses them, and only in aggregate: nothing but totals that allow no conclusions about individuals is published. The answers are deleted when the retention period ends. The code itself reveals nothing about your answers."),
        "receipt_gone": t("Der Quittungscode wurde bereits angezeigt und wird aus Datenschutzgründen nicht noch einmal gezeigt.",
                          "The receipt code has already been shown and, for data protection, is not shown again."),
        "receipt_next": t("Nächsten Fragebogen erfassen", "Enter the next questionnaire"),
        // withdrawal
        "withdraw_title": t("Einwilligung widerrufen", "Withdraw consent"),
        "withdraw_intro": t("Geben Sie den Quittungscode ein, den Sie bei der Befragung erhalten haben. Ihre Angaben werden dann gelöscht. Eine Anmeldung ist nicht nötig.",
                            "Enter the receipt code you received when you answered. Your answers will then be deleted. No sign-in is needed."),
        "withdraw_code": t("Quittungscode", "Receipt code"),
        "withdraw_hint": t("20 Buchstaben und Ziffern, z. B. 7K3QM-2XW9R-8HD4T-ZN5BC; Groß- und Kleinschreibung und Bindestriche sind egal.",
                           "20 letters and digits, e.g. 7K3QM-2XW9R-8HD4T-ZN5BC; case and hyphens do not matter."),
        "withdraw_submit": t("Widerrufen und Angaben löschen", "Withdraw and delete answers"),
        "withdraw_done_title": t("Widerruf bearbeitet", "Withdrawal processed"),
        "withdraw_done": t("Ihr Widerruf wurde bearbeitet. Waren zu diesem Code Angaben gespeichert, sind sie jetzt gelöscht. Aus Datenschutzgründen sagen wir nicht, ob zu einem Code Angaben vorlagen.",
                           "Your withdrawal has been processed. If answers were stored under this code, they have now been deleted. For data protection, we do not say whether answers existed for a code."),
        "withdraw_limited": t("Zu viele Versuche von Ihrem Anschluss. Bitte versuchen Sie es in einigen Minuten erneut.",
                              "Too many attempts from your connection. Please try again in a few minutes."),
        "withdraw_missing": t("Bitte geben Sie den Quittungscode ein.", "Please enter the receipt code."),
        // admin
        "admin_users_title": t("Benutzer", "Users"),
        "admin_units_title": t("Organisationseinheiten", "Organisational units"),
        "user_name": t("Benutzername", "User name"),
        "user_role": t("Rolle", "Role"),
        "user_status": t("Status", "Status"),
        "user_active": t("aktiv", "active"),
        "user_disabled": t("deaktiviert", "disabled"),
        "user_disable": t("Deaktivieren", "Disable"),
        "user_add_title": t("Benutzer anlegen", "Add a user"),
        "user_password": t("Passwort (12 bis 128 Zeichen)", "Password (12 to 128 characters)"),
        "user_password_repeat": t("Passwort wiederholen", "Repeat password"),
        "user_add": t("Anlegen", "Add"),
        "user_added": t("Der Benutzer wurde angelegt.", "The user has been added."),
        "user_was_disabled": t("Der Benutzer wurde deaktiviert.", "The user has been disabled."),
        "password_mismatch": t("Die Passwörter stimmen nicht überein.", "The passwords do not match."),
        "units_valid": t("forms/units.yaml ist gültig und geladen", "forms/units.yaml is valid and loaded"),
        "units_count": t("Einheiten", "units"),
        "unit_code": t("Code", "Code"),
        "unit_name": t("Bezeichnung", "Name"),
        "dezernat": t("Dezernat", "Department"),
        // errors
        "error_title": t("Fehler", "Error"),
        "error_400": t("Die Anfrage ist fehlerhaft.", "The request is malformed."),
        "error_401": t("Bitte melden Sie sich an.", "Please sign in."),
        "error_403": t("Zugriff verweigert. Ihre Rolle darf diese Seite nicht nutzen, oder das Formular ist abgelaufen (bitte neu laden).",
                       "Access denied. Your role may not use this page, or the form has expired (please reload)."),
        "error_404": t("Diese Seite gibt es nicht.", "This page does not exist."),
        "error_405": t("Diese Methode ist hier nicht erlaubt.", "This method is not allowed here."),
        "error_413": t("Die Anfrage ist zu groß.", "The request is too large."),
        "error_415": t("Nicht unterstützter Inhaltstyp.", "Unsupported content type."),
        "error_429": t("Zu viele Anfragen. Bitte warten Sie einige Minuten.", "Too many requests. Please wait a few minutes."),
        "error_500": t("Ein interner Fehler ist aufgetreten. Es wurde nichts gespeichert.", "An internal error occurred. Nothing has been stored."),
        "back_home": t("Zur Startseite", "Back to the home page"),
    ]
}
