"""Step 1 across the perspectives: vision, goals and KPIs, the one-A4 summary, activity lists
per municipality, the joint roadmap with cooperation opportunities, success factors and the
comparison of the participants' visions."""
