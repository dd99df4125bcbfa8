# Events, reasons and account states in words: the app, the CLI and the service's emails say the
# same thing. $place is a country or "city, country"; $device is activity-device.

activity-place-city = { $city }, { $country }
activity-device = { $browser } on { $os }
activity-with-device = { $text } · { $device }

event-sign-in = Signed in
event-sign-in-from = Signed in from { $place }
event-sign-in-failed = { $count ->
    [one] Failed sign-in
   *[other] { $count } failed sign-ins
}
event-sign-in-failed-from = { $count ->
    [one] Failed sign-in from { $place }
   *[other] { $count } failed sign-ins from { $place }
}
event-sign-out = Signed out
event-sign-out-from = Signed out from { $place }
event-order = Order { $reference } · { $amount } { $currency }
event-booking = Booking { $reference } · { $what } · { $when }
event-email-changed = Email address changed
event-email-changed-from = Email address changed from { $place }
event-phone-changed = Phone number changed
event-phone-changed-from = Phone number changed from { $place }
event-address-changed = Postal address changed
event-address-changed-from = Postal address changed from { $place }
event-password-changed = Password changed
event-password-changed-from = Password changed from { $place }
event-card-added = Card added: { $brand } ending { $last4 }
event-card-added-from = Card added: { $brand } ending { $last4 } from { $place }
event-account-unlocked = Account unlocked
event-account-locked = Account locked
event-account-state-changed = Account state changed
event-document-received = Document received for review

duration-under-a-minute = less than a minute
duration-minutes = { $count ->
    [one] a minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] an hour
   *[other] { $count } hours
}

reason-new-country-too-soon = Signed in from { $here } { $duration } after a sign-in from { $before }
reason-new-country-too-soon-vague = Signed in from a new country soon after a sign-in from another
reason-impossible-travel = Signed in from { $here } too soon after a sign-in from { $before } to have travelled there
reason-impossible-travel-vague = Two sign-ins too far apart for the time between them
reason-card-after-flagged-sign-in = A card was added within a day of a sign-in that looked unusual
reason-cards-in-window = A third card was added within a day
reason-new-country = First sign-in from { $here } in 90 days
reason-new-country-vague = First sign-in from a new country in 90 days
reason-new-device = First sign-in on { $device } in 90 days
reason-new-device-vague = First sign-in on this device in 90 days
reason-account-changes = Email, phone, address or password changed several times within a day
reason-too-many-failed-codes = Many wrong codes were typed in a row
reason-other = Another rule: { $rule }

state-active = active
state-locked-pending-verification = locked: confirm the flagged activity (this was me), or send a document for review
state-locked-pending-review = locked: the service is reviewing it

# How far this computer's clock is off, as a linked service says ("2 minutes behind").
offset-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
offset-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
offset-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
offset-hours-minutes = { $hours } { $minutes }
offset-behind = { $amount } behind
offset-ahead = { $amount } ahead
