# cli (en): every sentence the `vigil` command prints. Machine output (codes, URIs, JSON) is not
# here. Details from below ($detail) are in English.

## Errors of the crates below, their English detail in a sentence

cli-error-failed = { $detail }
cli-error-refused = { $detail }
cli-error-vault = { $detail }
cli-error-io = { $detail }
cli-error-duplicate = { $name } is already in Vigil with the same secret
cli-error-no-such-id = No account with id { $id }
cli-error-invalid-uri = invalid otpauth URI: { $detail }
cli-error-invalid-export-uri = invalid export URI: { $detail }
cli-service-error = { $detail }
cli-bad-link = { $name }: { $detail }
cli-warning = warning: { $detail }
cli-warning-backup = warning: the automatic backup was not made: { $detail }

## Finding accounts

cli-error-no-match = no account matches '{ $query }'
cli-error-many-match = { $count ->
    [one] '{ $query }' matches { $count } account; be more specific:
   *[other] '{ $query }' matches { $count } accounts; be more specific:
}
    { $names }

## Adding, listing, renaming, removing

cli-error-add-source = give --uri, --qr, --screen or --clipboard
cli-source-screen = the screen
cli-source-clipboard = the clipboard
cli-added = Added { $name }
cli-would-add = Would add { $name }
cli-skipped = Skipped { $name }: already in Vigil
cli-added-skipped = { $added } added, { $skipped } skipped
cli-clipboard-cleared = Cleared the otpauth link from the clipboard.
cli-export-batch = Google Authenticator export code { $index } of { $size }
cli-skipped-qr = skipped a QR code: { $detail }
cli-error-uri-stdin = could not read the URI from standard input: { $detail }
cli-error-uri-stdin-empty = --uri - reads the URI from standard input, but it was empty
cli-error-next-on-totp = { $name } is time-based; --next is only for counter-based (HOTP) accounts
cli-list-empty = No accounts yet. Add one with: vigil add --uri 'otpauth://…'
cli-list-group-empty = No account is in the group { $group }.
cli-list-issuer = ISSUER
cli-list-label = LABEL
cli-list-type = TYPE
cli-list-digits = DIGITS
cli-list-period = PERIOD
cli-list-secret-missing = secret missing from the keychain
cli-renamed = Renamed { $old } to { $new }
cli-error-remove-needs-yes = not removing { $name } without --yes (its codes would stop working here)
cli-remove-prompt = Remove { $name }? Its codes will stop working in Vigil. [y/N]
cli-yes-short = y
cli-yes-long = yes
cli-kept = Kept { $name }.
cli-removed = Removed { $name }

## Files, import and export

cli-error-cannot-read-file = { $path }: cannot read the file: { $detail }
cli-error-in-file = { $path }: { $detail }
cli-error-file-exists = { $path } already exists; Vigil writes secrets only to a new file: choose another name
cli-error-cannot-write = cannot write { $path }: { $detail }
cli-error-cannot-write-into = cannot write into { $path }: { $detail }
cli-error-man-needs-folder = man pages need a folder: vigil generate man --out DIR
cli-error-unknown-format = unknown format '{ $name }'; the formats are { $formats }
cli-error-encrypted-no-terminal = { $path } is encrypted: run this on a terminal to be asked for its password, or give it on standard input with --password-stdin
cli-error-too-large = { $path }: { $size } is too large for a backup (Vigil reads up to { $limit } MiB)
cli-size-mib = { $count } MiB
cli-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
cli-left-out = Left out { $name }: { $reason }
cli-import-totals = { $added } added, { $skipped } skipped, { $left } left out (from a { $format } backup)
cli-import-totals-dry-run = { $added } to add, { $skipped } skipped, { $left } left out (from a { $format } backup)
cli-nothing-stored = Nothing was stored (--dry-run).
cli-left-out-no-secret = { $name }: its secret is not in the keychain; left out
cli-skipped-no-secret = skipped { $name }: its secret is missing from the keychain
cli-wrote-aegis = { $count ->
    [one] Wrote { $count } account to { $path }, encrypted (an Aegis vault: Aegis and `vigil import` open it)
   *[other] Wrote { $count } accounts to { $path }, encrypted (an Aegis vault: Aegis and `vigil import` open it)
}
cli-warning-qr-file = warning: { $path } holds the secret of { $name }; delete it once scanned
cli-wrote-qr = Wrote the QR code of { $name } to { $path }
cli-wrote = Wrote { $path }
cli-warning-qr-files = warning: these images hold your secrets; delete them once scanned
cli-warning-not-encrypted = warning: this export is not encrypted; anyone who reads it can make your codes
cli-error-secrets-to-terminal = not printing secrets to a terminal; redirect to a file or pass --yes

## Passwords

cli-password-prompt = Password for { $what }:
cli-password-again = Again, to be sure:
cli-error-password-stdin = could not read the password from standard input: { $detail }
cli-error-password-unreadable = could not read the password: { $detail }
cli-error-password-empty = the password for { $what } is empty
cli-error-password-no-terminal = no terminal to ask for a password on: give one line on standard input with --password-stdin
cli-error-passwords-differ = the two passwords differ; nothing was written

## Activity and sessions

cli-not-linked = not linked: { $detail }
cli-linked-on-add = Linked to its activity at { $host } (see it with `vigil activity`; --no-link skips this)
cli-linked = Linked { $name } to its activity at { $host }
cli-unlinked = Unlinked { $name }
cli-error-runtime = cannot start the network runtime: { $detail }
cli-error-not-linked-hint = { $name } is not linked to an activity feed (vigil link { $label } URL)
cli-error-not-linked = { $name } is not linked to an activity feed
cli-error-no-feed-read = no activity feed could be read
cli-none-linked = No account is linked to an activity feed.
cli-account-state = Account { $state }
cli-you-said-mine = You said: this was me
cli-you-said-not-mine = You said: this wasn't me
cli-was-this-you = Was this you?  vigil verdict { $id } mine | not-mine
cli-error-no-such-event = no linked account's activity has an event { $event }
cli-error-event-maybe-unread = event { $event } was not found, and some activity could not be read, so it may be there: { $detail }
cli-error-event-ambiguous = event { $event } is in the activity of { $names }; say which with --account
cli-recorded-mine = Recorded "this was me" for { $name }. The account is { $state }.
cli-recorded-not-mine = Recorded "this wasn't me" for { $name }. The account is { $state }.
cli-error-no-sessions-read = no sessions could be read
cli-password-reset-required = The site will ask for a new password at the next sign-in
cli-no-sessions = Not signed in anywhere
cli-session-times = since { $since }, last seen { $seen }
cli-session-times-last-code = since { $since }, last seen { $seen } · the last code came from here
cli-not-you-sign-out = Not you?  vigil sign-out { $account } { $session }
cli-signed-out = Signed out { $device } ({ $session }) from { $name }; the site was told.
cli-session-ended-already = Session { $session } of { $name } had ended already ({ $state }).
cli-secured = { $count ->
    [one] Secured { $name }: { $count } session signed out, and the site will ask for a new password at the next sign-in. The account is { $state }.
   *[other] Secured { $name }: { $count } sessions signed out, and the site will ask for a new password at the next sign-in. The account is { $state }.
}
