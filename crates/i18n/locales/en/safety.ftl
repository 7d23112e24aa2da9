# Refusals that protect accounts and money: unknown hosts, holds, proposals, uploads.
error-host-unknown-title = Unknown site address
error-host-unknown-detail = This request named a host Mentora does not serve. Open Mentora at its own address and try again.
error-token-revoked-title = This login has ended
error-token-revoked-detail = The access token belongs to a login that was ended (logged out, password changed or permissions changed). Log in again.
