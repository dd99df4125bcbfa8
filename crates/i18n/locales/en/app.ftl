# The app's screens: templates (ui/) and the page script (keys starting js-).

about-text = Two-factor codes from your system keychain. Your secrets never leave this computer’s keychain.
account = Account
accounts = Accounts
activity = Activity
activity-from = { $label } · activity from { $host }
activity-of = Activity of { $issuer } { $label }
activity-of-linked = Activity of linked accounts
add = Add
add-account = Add account
add-an-account = Add an account
add-selected = Add selected
add-these = Add these accounts?
advanced = Advanced
algorithm = Algorithm
all-accounts = All accounts
already-in-vigil = already in Vigil
app-lock = App lock
back = Back
back-to-accounts = Back to accounts
back-up-now = Back up now
backup-password-not-kept = The password only opens this file; Vigil does not keep it.
backup-settings = Backup settings
backups-text = After every change, Vigil saves all your accounts in one encrypted file (the same as Export a backup, which Aegis and Vigil can open) and keeps the newest ones.
backups-title = Automatic backups
cancel = Cancel
change = Change
check-for-updates = Check for updates
check-updates = Check for a new version of Vigil when it starts
check-updates-now = Check for updates now
choose-image = Choose an image…
clipboard-seconds = Clear copied codes after (seconds; 0 = never)
close = Close
correct-clock = Correct codes when this computer’s clock is off
counter = Counter
delete = Delete
delete-title = Delete this account?
digits = Digits
done = Done
drop-anywhere = or anywhere on this window
drop-here = Drop a picture of the QR code here
edit-account = Edit account
empty-drop = Drop a picture of the QR code on this window
empty-text = When a site shows you a QR code for two-factor sign-in, add it here.
empty-title = Add your first account
empty-way-key = Type the setup key the site gives you
empty-way-link = Paste an otpauth:// link
empty-way-picture = Choose or paste a picture of the QR code, or scan your screen
end-session-title = Sign out this device?
enter-setup-key = Enter a setup key
export = Export
export-password-not-kept = Vigil does not keep this password: without it the backup cannot be opened.
export-text = Every account goes into one file, encrypted with the password you choose here. Aegis can open it, and so can Vigil (Add, Import a backup). It is saved in your Documents folder.
export-title = Export a backup
fatal-title = Vigil cannot open your accounts
find-service = Find a service
flagged = flagged
folder = Folder
group = Group
groups = Groups
groups-hint = Separate groups with commas. The list can show one group at a time.
hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
icon = Icon
icon-automatic = Automatic
icon-automatic-named = Automatic ({ $name })
icon-initial = Initial only
icon-none-match = No bundled icon matches “{ $query }”.
icons = Icons
import-backup = Import a backup…
import-hint = Backups from Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Stratum, Proton Authenticator and Vigil can be imported or dropped here.
install = Install
js-activity-of-flagged = Activity of { $issuer } { $label }, { $count } to check
js-activity-of-locked = Activity of { $issuer } { $label }, locked
js-backed-up = Backed up
js-backup-what = This is { $what }, encrypted with a password.
js-backups-failed = The last backup failed: { $error }
js-backups-hint-off = At least 8 characters. Vigil keeps it in the system keychain; without it the backups cannot be opened.
js-backups-hint-on = Leave both empty to keep the password you chose.
js-backups-last = On. The last backup was made { $when }.
js-backups-last-file = On. The last backup was made { $when }: { $file }.
js-backups-none = On. No backup has been made yet.
js-backups-off = Off
js-backups-summary-last = on, last { $when }
js-backups-turned-off = Automatic backups are off. The backups already made stay in the folder.
js-backups-turned-on = Automatic backups are on
js-code = Code { $digits }
js-code-left = { $count ->
    [one] Code { $digits }, { $count } second left
   *[other] Code { $digits }, { $count } seconds left
}
js-copied = Copied
js-copied-code = Copied the code of { $name }
js-delete-text = Delete the account { $name }? Its codes will stop working in this app.
js-end-session-text = Sign out { $device } at { $service }? Whoever uses that device will have to sign in again, with your password and a code.
js-event-gone = That event is no longer in this account’s recent activity
js-file-too-large = The file is too large (the limit is { $limit } MB)
js-keep-range = Keep a whole number of backups from 1 to 1000
js-link-text = Show the sign-ins, orders and changes of { $name } from its service.
js-linked = Linked
js-lock-hint-off = At least 8 characters. It is not your keychain password; Vigil keeps only a hash of it.
js-lock-hint-on = To keep your password, leave both empty. To turn the lock off, type it in the first field.
js-lock-state-idle = { $count ->
    [one] On: Vigil asks for your password when it starts and after { $count } minute idle.
   *[other] On: Vigil asks for your password when it starts and after { $count } minutes idle.
}
js-lock-state-off = Off: anyone at this computer can see your codes while you are signed in.
js-lock-state-start = On: Vigil asks for your password when it starts and when you lock it.
js-lock-summary-idle = { $count ->
    [one] on, locks after { $count } minute idle
   *[other] on, locks after { $count } minutes idle
}
js-lock-summary-start = on, locks only when Vigil starts
js-lock-turned-off = The app lock is off
js-lock-turned-on = The app lock is on
js-name-at = { $label } at { $issuer }
js-off = off
js-on = on
js-qr-text = Anyone who sees the QR code of { $name } can make its codes. Show it only to move the account to your phone, with nobody watching your screen.
js-saved = Saved
js-seconds-range = Enter a whole number of seconds from 0 to 3600
js-secure-title = Secure your account at { $service }?
js-settings-saved = Settings saved
js-tick-one = Tick at least one account to add
js-too-large-backup = This file is too large for a backup ({ $size } MB; the limit is 16 MB)
js-too-large-scan = This file is too large to scan ({ $size } MB; the limit is 50 MB)
js-unpin = Unpin
js-update-available = Vigil { $version } is available.
js-update-checking = Checking for updates…
js-update-installed = Vigil { $version } is installed. Restart Vigil to use it.
js-update-installing = Downloading and installing Vigil { $version }…
js-update-newest = Vigil { $version } is the newest version.
js-update-offer = Vigil { $version } is available (you have { $current }). Install it now?
keep-it = Keep it
keep-newest = Keep the newest
keep-running = Keep running in the background when the window is closed (alerts keep coming)
kind = Type
kind-hotp = Counter-based (HOTP)
kind-steam = Steam Guard
kind-totp = Time-based (TOTP)
language = Language
language-system = Like the system
last-code-here = your last code was used here
later = Later
link = Link
link-activity = Link activity
link-from-host = Show this account’s sign-ins and orders from { $host }
link-url = The service’s activity link (https://…/v1/feed/…)
lock-idle = Lock when idle for
lock-idle-never = Never (only at start, or Lock Vigil in the menu)
lock-my-account = Lock my account
locked-text = Enter your Vigil password to see your codes and activity.
locked-title = Vigil is locked
main-menu = Main menu
menu-about = About Vigil
menu-backups = Automatic backups…
menu-copy = Copy code
menu-down = Move down
menu-edit = Edit
menu-export = Export a backup…
menu-icon = Icon…
menu-link = Link activity…
menu-lock = Lock Vigil
menu-pin = Pin to top
menu-qr = Show QR code
menu-unlink = Unlink activity
menu-up = Move up
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
more-for = More for { $issuer } { $label }
needs-attention = Needs your attention
next-code-for = Next code for { $issuer }
no-match = No account matches your search.
not-mine-text = The service will lock this account at once, so nobody can use it, and ask you to confirm your recent activity. You can unlock it by confirming the events that were you, or by sending a document for review.
not-mine-title = This wasn’t you?
not-now = Not now
nothing-needs-attention = Nothing needs your attention
notify = Notify me of unusual activity and locks
older-activity = Show older activity
open = Open
open-backup = Open the backup
orphans-notice = { $count ->
    [one] One account cannot show codes: its secret is missing from the keychain.
   *[other] { $count } accounts cannot show codes: their secrets are missing from the keychain.
}
password = Password
password-again = The same password again
password-reset-required = { $service } will ask for a new password at the next sign-in.
paste-clipboard = Paste from clipboard
paste-uri = Or paste an otpauth:// link (or a Google Authenticator export link)
period = Period (seconds)
pinned = Pinned
placeholder-groups = Work, Money
placeholder-service = Shop
qr-scan-hint = Scan this with the authenticator on your phone. Close this window when you are done.
qr-title = Show the QR code?
recent-activity = Recent activity
restart-vigil = Restart Vigil
review-update = Review
row-label = { $issuer } { $label }: press Enter to copy the code, Space to hear it, Alt and an arrow key to move it
save = Save
scan-screen = Scan the screen
search = Search
search-accounts = Search accounts
secret-missing = Secret missing from the keychain
secure-account = Secure my account
secure-account-more = Secure my account…
secure-intro = The service will at once:
secure-step-lock = lock the account for review if a flagged sign-in or change was not you.
secure-step-password = ask for a new password at your next sign-in;
secure-step-sign-out = sign out every device where this account is signed in;
secure-title = Secure your account?
send-document = Send a document…
service = Service
sessions-none = You are not signed in anywhere at { $service }.
sessions-title = Where you’re signed in
settings = Settings
settings-backups = Automatic backups:
settings-lock = App lock:
setup-key = Setup key
show-next = Show the next code in the last seconds
sign-out = Sign out
sort = Sort
start-at-login = Start Vigil when I log in (without a window)
the-service = the service
theme = Theme
theme-dark = Dark
theme-light = Light
theme-system = Like the system
this-was-me = This was me
this-was-not-me = This wasn’t me
try-again = Try again
turn-off = Turn off
turn-on = Turn on
unlock = Unlock
update-title = Update Vigil
version = Version { $version }
vigil-password = Vigil password
vigil-version = Vigil { $version }
your-accounts = Your accounts

# Written by the app (src-tauri): panes, notifications, the tray, messages.
fatal-advice-keychain-unavailable = Vigil keeps your secrets in the system keychain. Log in to a desktop session with GNOME Keyring or KWallet running, then open Vigil again. Nothing has been lost.
fatal-advice-keychain-locked = Unlock the keychain: your desktop asks for its password. Vigil goes on by itself once it is unlocked. Nothing has been lost.
fatal-advice-keychain-no-collection = Your desktop asks you to choose a password for the new keychain; Vigil goes on by itself once it is made.
fatal-advice-database = Your secrets are safe in the system keychain. Move the account list file aside (or restore it from a backup) and open Vigil again.
fatal-advice-other = Close Vigil and open it again. If this keeps happening, please report it.
unlock-keychain = Unlock the keychain
create-keychain = Create the keychain
sort-custom = Your order
sort-issuer = Service
sort-name = Account name
sort-recent = Recently used
moment-today = today at { $clock }
moment-yesterday = yesterday at { $clock }
moment-day = { $clock }, { $day }
today = Today
yesterday = Yesterday
verdict-mine = You said this was you
verdict-not-mine = You said this wasn’t you
activity-stale = { $problem }: showing activity from { $clock }
activity-reading = Reading activity from { $host }…
state-banner-active = Your account at { $service } is active.
state-banner-not-mine = Your account at { $service } is locked because you said some activity was not you. Send a document (an ID or a letter) so { $service } can review it and unlock it.
state-banner-verify = Your account at { $service } is locked. If the flagged activity below was you, say so and it unlocks; if not, send a document (an ID or a letter) for review.
state-banner-review = Your account at { $service } is locked while { $service } reviews it. You will hear from them by email.
account-state = Account { $state }
updated-now = Updated just now
updated-minutes = { $count ->
    [one] Updated a minute ago
   *[other] Updated { $count } minutes ago
}
updated-hours = { $count ->
    [one] Updated an hour ago
   *[other] Updated { $count } hours ago
}
details = Details
place-unknown = Place unknown
session-when = Signed in { $started } · last seen { $seen }
sessions-unreadable = Vigil could not read where you are signed in: { $error }
session-ended = Signed out { $device } at { $service }
secured-signed-out = { $count ->
    [0] No device was signed in
    [one] { $count } device was signed out
   *[other] { $count } devices were signed out
}
secured = { $signed_out }. { $service } will ask for a new password at your next sign-in.
secured-locked = The account is locked until { $service } has reviewed it.
devices-signed-in = { $count ->
    [one] { $count } device is signed in to your linked accounts
   *[other] { $count } devices are signed in to your linked accounts
}
feed-refused = { $host } refused to show the activity: { $message }
feed-unreachable = Could not reach { $host }
alert-discreet-title = Vigil: activity needs a look
alert-discreet-body = Unlock Vigil to see which account and what happened.
alert-was-this-you = Was this you? { $service }
alert-body = { $why }. Account: { $name }.
alert-many = { $count } events at { $service } need a look
alert-many-body = The newest: { $why }. Account: { $name }.
alert-locked = { $service } locked your account
alert-locked-body = { $name } is { $state }.
tray-open = Open Vigil
tray-pause = Pause alerts
tray-quit = Quit Vigil
tray-attention = Vigil: something needs a look
notification-open = Open
app-locked-title = Vigil is locked: enter your Vigil password
kind-totp-params = TOTP, { $digits } digits, every { $period } s
kind-hotp-params = HOTP, { $digits } digits, counter { $counter }
added-one = Added { $name }
export-part = This is QR code { $index } of { $size } of the export: scan the others too.
from-google-export = a Google Authenticator export
link-problem = Its activity will not be shown: { $problem }
preview-from = { $count ->
    [one] { $count } account from { $from }
   *[other] { $count } accounts from { $from }
}
preview-found = { $count ->
    [one] { $count } account found
   *[other] { $count } accounts found
}
left-out = Left out { $name }: { $reason }
backup-holds-nothing = { $what } holds no account Vigil can add
backup-of-uris = a list of otpauth links
backup-of-an = an { $name } backup
backup-of-a = a { $name } backup
added-count = { $count ->
    [one] Added { $count } account
   *[other] Added { $count } accounts
}
added-with-duplicates = { $added }; { $count } already in Vigil
answer-not-mine = Your account at { $service } is locked. { $service } will ask you to confirm your recent activity.
answer-mine-locked = Noted. The account stays locked until every flagged event is answered.
answer-mine-active = Noted. Your account at { $service } is active.
document-sent = Document sent. The account is { $state }.
update-not-signed = The download of Vigil { $version } is not signed with the Vigil release key, so it was not installed. Nothing was changed.
update-not-permitted = Vigil { $version } was downloaded and its signature checked, but installing it needs an administrator’s permission, which was not given. Nothing was changed.
export-folder-full = { $folder } already holds 99 backups from today
password-too-short = Use a password of at least { $count } characters
icon-unknown = Vigil has no icon named “{ $name }”
not-linked = { $name } is not linked to an activity feed
lock-idle-too-long = Lock after at most { $count } minutes
backup-failed-banner = The automatic backup failed: { $error }
clock-too-far = { $host } says this computer’s clock is { $how }. That is too far to be likely, so Vigil does not correct codes for it: check this computer’s clock.
clock-corrected = This computer’s clock is { $how } ({ $host } says so). Vigil shows codes for the right time at the linked services; set the clock to fix it everywhere.
clock-not-corrected = This computer’s clock is { $how } ({ $host } says so), so codes may be refused. Set the clock, or let Vigil correct codes in Settings.
device-unknown = Unknown device
