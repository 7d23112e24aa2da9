# Refusals that protect accounts and money: unknown hosts, holds, proposals, uploads.
error-host-unknown-title = Unknown site address
error-host-unknown-detail = This request named a host Mentora does not serve. Open Mentora at its own address and try again.
error-token-revoked-title = This login has ended
error-token-revoked-detail = The access token belongs to a login that was ended (logged out, password changed or permissions changed). Log in again.
field-password-weak = This password is too easy to guess. Use three or four uncommon words together; no symbols or digits are needed.
field-password-weak-keyboard = Rows and patterns of keys are easy to guess. Use three or four uncommon words together instead.
field-password-weak-repeats = Repeated characters or words are easy to guess. Use three or four different uncommon words.
field-password-weak-sequence = Sequences like abc or 6543 are easy to guess. Use three or four uncommon words together instead.
field-password-weak-common = This is one of the commonly used passwords, or close to one. Use three or four uncommon words together.
field-password-weak-dates = Dates and years are easy to guess. Avoid them, and add another uncommon word or two.
field-password-weak-personal = Your own name, your email address or a single word are easy to guess. Add two or three uncommon words.
field-password-weak-names = Names and surnames are easy to guess. Add two or three uncommon words.
