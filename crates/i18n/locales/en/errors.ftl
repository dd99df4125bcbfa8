# Errors in the app. error-<code>: an error from below (its detail is English) said in the
# person's language when that is not English; the rest are sentences the app writes.

error-keychain_unavailable = The system keychain is not available ({ $detail })
error-keychain_locked = The system keychain is locked ({ $detail })
error-keychain_no_collection = The system keychain has no default collection ({ $detail })
error-missing_secret = A secret is missing from the keychain ({ $detail })
error-database = The account list cannot be used ({ $detail })
error-duplicate = This account is already in Vigil ({ $detail })
error-not_found = Vigil cannot find this ({ $detail })
error-invalid_uri = This is not a valid otpauth link ({ $detail })
error-invalid_field = A field is not right ({ $detail })
error-clipboard = The clipboard cannot be used ({ $detail })
error-capture = The screen could not be captured ({ $detail })
error-bad_image = This file is not a picture Vigil can read ({ $detail })
error-no_qr_code = No QR code found in this picture ({ $detail })
error-not_enrolment = This QR code is not for two-factor sign-in ({ $detail })
error-render = The page could not be drawn ({ $detail })
error-settings = The settings could not be saved ({ $detail })
error-activity = The activity service could not be read ({ $detail })
error-not_linked = This account is not linked to an activity feed ({ $detail })
error-bad_link = This activity link cannot be used ({ $detail })
error-bad_document = This document cannot be sent ({ $detail })
error-update_unavailable = This copy of Vigil cannot update itself ({ $detail })
error-update_check = Vigil could not check for updates ({ $detail })
error-update_none = There is no update to install ({ $detail })
error-update_signature = The update is not signed with the Vigil release key; nothing was installed ({ $detail })
error-update_install = The update could not be installed; nothing was changed ({ $detail })
error-bad_backup = This backup cannot be imported ({ $detail })
error-wrong_password = The password is wrong ({ $detail })
error-backup = The automatic backup could not be written ({ $detail })
error-app_locked = Vigil is locked: enter your Vigil password ({ $detail })

error-choose-the-folder-the-backups = Choose the folder the backups go to
error-enter-the-account-name-such = Enter the account name, such as your email address
error-no-backup-is-waiting-for = No backup is waiting for its password; choose the file again
error-no-file-was-received = No file was received
error-no-picture-was-received = No picture was received
error-no-qr-code-found-in = No QR code found in this picture
error-nothing-is-waiting-to-be = Nothing is waiting to be added; scan the code again
error-that-is-not-your-vigil = That is not your Vigil password
error-the-answer-must-be-mine = The answer must be mine or not_mine
error-the-clipboard-cannot-be-used = The clipboard cannot be used
error-the-file-could-not-be = The file could not be read
error-the-two-passwords-are-not = The two passwords are not the same
error-the-two-passwords-differ-type = The two passwords differ; type the same one twice
error-there-is-no-update-to = There is no update to install: check for updates first.
error-this-account-has-no-code = This account has no code to copy
error-this-copy-of-vigil-was = This copy of Vigil was not installed from a release package, so it cannot update itself: update it the way it was installed.

# The typed setup key form, field by field (crates/core/src/manual.rs names these ids).
field-label-missing = Enter the account name, such as your email address
field-secret-short = This secret key is too short: sites give at least 16 characters
field-secret-missing = Enter the secret key the site shows beside its QR code
field-secret-not-base32 = The secret key is not base32 (character '{ $character }' at { $position })
field-secret-length = The secret key has an impossible base32 length ({ $length } characters)
field-kind-unknown = Unknown type '{ $kind }' (use TOTP, HOTP or Steam)
field-algorithm-unknown = Unknown algorithm '{ $algorithm }' (use SHA1, SHA256 or SHA512)
field-digits = Digits must be a number from 1 to 10
field-period = The period must be a whole number of seconds, at least 1
field-counter = The counter must be a whole number, 0 or more
