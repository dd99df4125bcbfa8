# email (en): the service's emails to the customer. $issuer is the site's name; $country a CLDR
# country name (no article); $reason is the service's own account of a lock, in English.

email-hello = Hello,
email-never-ask = We will never ask you for a code or a password by email.
email-time = { $date }, { $time } UTC
email-field = { $label }: { $value }
email-when = When
email-where = Where
email-what = What
email-device = Device
email-ip = IP address
email-where-value = { $country } (IP address { $ip })
email-ip-value = IP address { $ip }
email-unknown-country = unknown country
email-unknown-ip = unknown IP address
email-unknown-device = unknown device

email-alert-subject = { $issuer }: unusual sign-in ({ $country })
email-alert-intro = We saw an unusual sign-in to your { $issuer } account:
email-alert-mine-text = If this was you, open the Vigil app and tap "This was me" on the event.
email-alert-mine-html = If this was you, open the Vigil app and choose “This was me” on the event.
email-alert-not-mine-text = If this wasn't you, open the Vigil app and tap "This wasn't me" on the event, or open this link on the device where Vigil is installed:
email-alert-not-mine-html = If this wasn't you:
email-alert-not-mine-link = This wasn't me
email-alert-not-mine-html-after = (opens the Vigil app).
email-alert-locked = Your account is locked until you answer; nobody can sign in meanwhile.

email-state-locked-subject = { $issuer }: your account is locked
email-state-unlocked-subject = { $issuer }: your account is unlocked
email-state-locked = Your { $issuer } account is { $state }.
email-state-unlocked = Your { $issuer } account is unlocked and works as before.
email-why = Why: { $reason }
email-state-what-now-text = What you can do: open the Vigil app, look at the events marked as unusual and answer "This was me" or "This wasn't me" for each. If you answered "This wasn't me", send us a document from the app and a reviewer will look at your account.
email-state-what-now-html = What you can do: open the Vigil app, look at the events marked as unusual and answer “This was me” or “This wasn't me” for each. If you answered “This wasn't me”, send us a document from the app and a reviewer will look at your account.

email-digest-subject = { $issuer }: your activity in the last 7 days
email-digest-intro = Your { $issuer } activity in the last 7 days (sign-ins, orders and bookings):
email-digest-empty = Nothing happened.
email-digest-not-mine-text = If something here wasn't you, open the Vigil app and tap "This wasn't me" on the event.
email-digest-not-mine-html = If something here wasn't you, open the Vigil app and choose “This wasn't me” on the event.
