-- Credit taken back from an invoice (the payment whose overpayment paid it was cancelled: the invoice is owed again) is a
-- positive movement naming the invoice; what settled an invoice (FamilyAccount.SETTLED) reads it by invoice beside the
-- negative ones (account_credit_invoice, V34), an index each, in every list of invoices.
create index account_credit_taken_back on account_credit (invoice_id) where amount_cents > 0;
