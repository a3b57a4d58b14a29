"""`tesigo seed-demo`: demo accounts, documents, jobs and payments made through the use cases."""
