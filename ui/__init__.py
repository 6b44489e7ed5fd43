"""Streamlit pages of the Skills Screener app (the only place that imports Streamlit, with app.py)."""
