# review (en): the service's review page for reviewers (not customers). $reason and a decision's
# note are the service's and reviewers' own text, shown as written.

review-title = Vigil review
review-heading = Locked accounts
review-none = No account is locked.
review-state-active = Active
review-state-locked-pending-verification = Locked: waiting for the customer to confirm or deny the flagged activity
review-state-locked-pending-review = Locked: waiting for a reviewer's decision
review-state-reason = Why: { $reason }
review-when = When
review-what = What
review-where = Where
review-why = Why flagged
review-customer-said = Customer said
review-place = { $country } · { $ip }
review-verdict-mine = This was me
review-verdict-not-mine = This wasn't me
review-documents = Documents (download with the API and the reviewer key):
review-document = { $path } ({ $type })
review-document-size = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
review-note = Note to the customer (shown to them in the app and the email)
review-unlock = Unlock
review-keep-locked = Keep locked
