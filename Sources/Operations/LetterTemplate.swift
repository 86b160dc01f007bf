import Letters

/// What every letter of a run says besides its code, checked before anything is issued, so that
/// no invitation is stored whose letter cannot be written.
public struct LetterTemplate: Sendable {
    let surveyURL: String
    let sender: InvitationLetter.Sender

    /// The printable letters of `invitations`, one A4 page each, in their order. With
    /// `stylesheetHref` the print stylesheet is linked instead of inlined (for the web page).
    public func document(_ invitations: [IssuedInvitation], stylesheetHref: String? = nil) -> String {
        InvitationLetter.document(invitations.map { InvitationLetter(code: $0.code.formatted, lastDay: $0.lastDay) },
                                  surveyURL: surveyURL, sender: sender, stylesheetHref: stylesheetHref)
    }
}
