"""Step 1, organisation perspective: the business impact analysis (BIA) — which municipal
processes depend on which systems and internet services, what an outage costs over time, and
what happens when the internet, a cloud tenant, a SaaS supplier or the identity provider fails."""
