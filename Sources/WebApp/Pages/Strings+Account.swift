import Forms

extension Strings {
    /// The texts of the password page and of "sign out everywhere".
    static let account: [String: LocalizedText] = [
        "password_title": t("Passwort ändern", "Change password"),
        "password_hint": t("12 bis 128 Zeichen. Nach der Änderung enden Ihre Sitzungen auf anderen Geräten.",
                           "12 to 128 characters. After the change, your sessions on other devices end."),
        "current_password": t("Bisheriges Passwort", "Current password"),
        "new_password": t("Neues Passwort", "New password"),
        "new_password_repeat": t("Neues Passwort wiederholen", "Repeat the new password"),
        "password_change": t("Passwort ändern", "Change password"),
        "password_changed": t("Das Passwort wurde geändert; andere Sitzungen wurden beendet.", "The password has been changed; other sessions have ended."),
        "sessions_end_all": t("Alle abmelden", "Sign out everywhere"),
        "sessions_end_all_hint": t("Beendet jede Sitzung, auch Ihre eigene.", "Ends every session, your own included."),
    ]
}
