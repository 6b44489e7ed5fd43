"""Build the demo résumés in ``sample_data/`` from the sources written below (PDF, DOCX, TXT, JSON Resume).

Every person here is fictional and was written for this project (CC0): e-mails use example.com/.net/.org,
phone numbers use the 555-01xx range reserved for fiction. Output is deterministic — fixed PDF/DOCX metadata,
reportlab's ``invariant`` mode, fixed ZIP timestamps — so rebuilding with the same library versions gives
byte-identical files and ``git diff`` stays empty.

Usage::

    .venv/bin/python scripts/make_samples.py            # (re)write sample_data/
    .venv/bin/python scripts/make_samples.py --check    # build to a temp dir, report files that differ
    .venv/bin/python scripts/make_samples.py --out DIR  # write somewhere else

The PDFs with non-Latin-1 text (Polish "inżynier") embed DejaVu Sans; install ``fonts-dejavu-core`` (Debian/Ubuntu)
or point ``SAMPLES_FONT_DIR`` at a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

# reportlab writes the current time and a random document id into every PDF unless told not to.
rl_config.invariant = 1

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "sample_data"
# One fixed instant for every timestamp the generators write (PDF info is fixed by ``invariant``).
FIXED_TIME = dt.datetime(2026, 1, 15, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2026, 1, 15, 9, 0, 0)
AUTHOR = "Skills Screener sample data (fictional, CC0)"

# ---------------------------------------------------------------------------------------------------------------
# Source data shared by the PDF and DOCX renderers
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    location: str
    dates: str  # exactly as the résumé prints them
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class School:
    credential: str
    institution: str
    location: str
    dates: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resume:
    file: str
    name: str
    headline: str
    contact: tuple[str, ...]
    summary: str
    jobs: tuple[Job, ...]
    education: tuple[School, ...]
    skills: tuple[tuple[str, str], ...]  # (group, comma-separated skills)
    certifications: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)


ANA = Resume(
    file="ana_souza_mechanical_engineer.pdf",
    name="Ana Paula Souza",
    headline="Senior Mechanical Design Engineer",
    contact=("Pittsburgh, PA", "(412) 555-0137", "ana.souza@example.com", "anasouza.example.org"),
    summary=(
        "Mechanical design engineer with eight years of experience designing conveyors, pump skids and mining "
        "equipment in Brazil and the United States. I build parametric 3D models in SolidWorks, check them with "
        "ANSYS finite element analysis, and release fully toleranced drawings (GD&T to ASME Y14.5). I have led "
        "DFMEA reviews and small cross-functional projects from concept to production. Relocated to the U.S. in "
        "2018; U.S. permanent resident, authorized to work for any employer."
    ),
    jobs=(
        Job(
            "Senior Mechanical Design Engineer",
            "Keystone Conveyor Works",
            "Pittsburgh, PA",
            "Apr 2024 – Present",
            (
                "Lead the mechanical design of a modular belt-conveyor line in SolidWorks (240+ parts, sheet metal "
                "frames and weldments); cut the frame part count by 18%.",
                "Run static and modal FEA in ANSYS Mechanical on drive-pulley shafts and frames; results correlated "
                "with strain-gauge tests within 7%.",
                "Apply GD&T (ASME Y14.5-2018) to production drawings and run tolerance stack-ups with suppliers.",
                "Facilitate DFMEA reviews for new drive units and track every action to closure.",
                "Manage a $1.2M new-product project: schedule, budget and a team of four engineers and two "
                "drafters, delivered two weeks early.",
            ),
        ),
        Job(
            "Mechanical Design Engineer",
            "Prairie Fluid Systems, Inc.",
            "Columbus, OH",
            "Sep 2021 – Mar 2024",
            (
                "Designed pump skids and sheet metal enclosures in SolidWorks; set up flat patterns and bend tables "
                "with the fabrication shop.",
                "Converted 300+ legacy AutoCAD 2D drawings into SolidWorks models and drawings.",
                "Performed ANSYS FEA on lifting lugs and skid bases to ASME BTH-1.",
                "Wrote the DFMEA and design verification plans for two new skid platforms.",
            ),
        ),
        Job(
            "Mechanical Engineer",
            "Equipamentos Serra Azul Ltda.",
            "Contagem, MG, Brazil",
            "Feb 2015 – Jun 2018",
            (
                "Designed mining-equipment components (chutes, vibrating screens, crusher guards) in SolidWorks and "
                "AutoCAD.",
                "Used ANSYS FEA on screen frames and wear-liner supports, reducing plate thickness by 12% at the same "
                "safety factor.",
                "Prepared fabrication drawings with GD&T and bills of materials for sheet metal and structural steel.",
                "Coordinated three designers on a 14-month plant-expansion project, scheduled in MS Project.",
            ),
        ),
    ),
    education=(
        School(
            "Bacharel em Engenharia Mecânica (Bachelor of Mechanical Engineering, five-year program)",
            "Universidade Federal de Minas Gerais (UFMG)",
            "Belo Horizonte, Brazil",
            "2009 – 2014",
            ("Final project: fatigue analysis of a vibrating-screen frame with the finite element method.",),
        ),
    ),
    skills=(
        ("CAD", "SolidWorks, AutoCAD, Autodesk Inventor, sheet metal, weldments, SolidWorks PDM"),
        ("Analysis", "ANSYS Mechanical (finite element analysis), tolerance stack-up, hand calculations"),
        ("Design practice", "GD&T (ASME Y14.5), DFMEA, design for manufacturing, design reviews"),
        ("Management", "project management, MS Project, supplier coordination"),
    ),
    certifications=("Autodesk Certified Professional: AutoCAD — Autodesk, 2021",),
    languages=("Portuguese — native", "English — C1 (advanced)", "Spanish — B2 (upper intermediate)"),
)

PRIYA = Resume(
    file="priya_raman_software_engineer.pdf",
    name="Priya Raman",
    headline="Senior Software Engineer — backend and cloud infrastructure",
    contact=("Seattle, WA", "(206) 555-0123", "priya.raman@example.com"),
    summary=(
        "Backend engineer with ten years of experience building Python and Java services and the AWS "
        "infrastructure under them, first in Bengaluru and since 2019 in Seattle. I like boring, well-tested "
        "deployments: everything in Terraform, every service in Docker on Kubernetes, every change through CI/CD."
    ),
    jobs=(
        Job(
            "Senior Software Engineer",
            "Cascade Freight Technologies",
            "Seattle, WA",
            "Jan 2019 – Present",
            (
                "Design and build REST APIs in Python (FastAPI) and Java (Spring Boot) for shipment tracking, "
                "serving 3,000 requests per second from PostgreSQL.",
                "Moved 40 services from virtual machines to Kubernetes (Amazon EKS); wrote the Docker base images "
                "and Helm charts the teams now share.",
                "Own the AWS infrastructure as code in Terraform (VPC, EKS, RDS for PostgreSQL, S3, IAM) across "
                "three accounts.",
                "Rebuilt the CI/CD pipelines in GitHub Actions and Argo CD; lead time for changes fell from two "
                "days to under one hour.",
            ),
        ),
        Job(
            "Software Engineer",
            "Kaveri Cloud Systems Pvt. Ltd.",
            "Bengaluru, India",
            "2016–2018",
            (
                "Built Java microservices and REST APIs for a telecom billing platform on PostgreSQL.",
                "Wrote Python tools for data migration and reconciliation of 20 million customer records.",
                "Introduced Docker for local development and Jenkins CI/CD for 12 services.",
                "Deployed the services to AWS (EC2, RDS, S3) with a small operations team.",
            ),
        ),
    ),
    education=(
        School(
            "B.Sc. Computer Science (three-year programme)",
            "University of Delhi",
            "New Delhi, India",
            "2013–2016",
        ),
    ),
    skills=(
        ("Languages", "Python, Java, SQL, Bash"),
        ("Cloud and infrastructure", "AWS, Docker, Kubernetes, Terraform, Helm"),
        ("Data and APIs", "PostgreSQL, REST APIs, Redis, Kafka"),
        ("Delivery", "CI/CD, GitHub Actions, Argo CD, Jenkins, code review"),
    ),
    certifications=("AWS Certified Developer – Associate — Amazon Web Services, 2020",),
    languages=("English — fluent", "Tamil — native", "Hindi — fluent"),
)
PRIYA_AWS_BADGE = "https://badges.northwind-skills.example/credentials/3f1c9a2e-cloud-infrastructure"

TOMASZ = Resume(
    file="tomasz_nowak_data_engineer_two_column.pdf",
    name="Tomasz Nowak",
    headline="Senior Data Engineer",
    contact=("Chicago, IL", "(312) 555-0176", "tomasz.nowak@example.net"),
    summary=(
        "Data engineer with ten years of experience building batch and streaming pipelines in Warsaw and Chicago. "
        "I design data platforms that analysts trust: tested SQL, reproducible Spark jobs, and Airflow DAGs that "
        "page someone only when it matters."
    ),
    jobs=(
        Job(
            "Senior Data Engineer",
            "Lakefront Retail Analytics",
            "Chicago, IL",
            "04/2021 – present",
            (
                "Built the streaming order pipeline on Apache Kafka and Spark Structured Streaming (200k events per "
                "minute) feeding Redshift.",
                "Orchestrate 150+ Airflow DAGs; added data-quality checks in Python that catch late or duplicate "
                "loads.",
                "Run the platform on AWS (S3, EMR, Glue, Redshift) with Docker images and Terraform.",
                "Rewrote the nightly SQL models in dbt, cutting warehouse cost by 30%.",
            ),
        ),
        Job(
            "Data Engineer",
            "Wisła Data Solutions sp. z o.o.",
            "Warsaw, Poland",
            "10/2016 – 03/2021",
            (
                "Developed PySpark batch jobs for telecom and banking clients on Hadoop and later AWS EMR.",
                "Designed PostgreSQL and Hive schemas and wrote the SQL behind 40 client reports.",
                "Introduced Apache Airflow to replace cron scripts; migrated 60 jobs with no missed SLA.",
                "Packaged services in Docker and set up Kafka topics for a fraud-detection feed.",
            ),
        ),
        Job(
            "Junior Python Developer (part-time)",
            "Politechnika Warszawska IT Centre",
            "Warsaw, Poland",
            "10/2014 – 09/2016",
            (
                "Maintained Python and SQL scripts for the university's course-registration reports.",
                "Automated data exports from Oracle to CSV for faculty offices.",
            ),
        ),
    ),
    education=(
        School(
            "Magister inżynier (MSc Eng.) Computer Science",
            "Warsaw University of Technology (Politechnika Warszawska)",
            "Warsaw, Poland",
            "2011 – 2016",
            ("Thesis: incremental processing of event streams with Apache Spark.",),
        ),
    ),
    skills=(
        ("Languages", "Python, SQL, Scala, Bash"),
        ("Processing", "Apache Spark (PySpark), Apache Kafka, Apache Airflow, dbt"),
        ("Cloud", "AWS (S3, EMR, Glue, Redshift), Docker, Terraform"),
        ("Storage", "PostgreSQL, Redshift, Hive, Parquet"),
    ),
    certifications=(
        "Databricks Certified Data Engineer Associate, 2023",
        "Confluent Certified Developer for Apache Kafka, 2021",
    ),
    languages=("Polish — native", "English — C1", "German — B1"),
)

CHINEDU = Resume(
    file="chinedu_okafor_financial_analyst.docx",
    name="Chinedu Okafor, ACA",
    headline="Senior Financial Analyst",
    contact=("Houston, TX", "(713) 555-0164", "chinedu.okafor@example.com"),
    summary=(
        "Chartered Accountant (ACA, ICAN) with fourteen years in audit, banking and energy finance in Lagos and "
        "Houston. I build the financial models, budgets and forecasts that leadership uses to decide capital "
        "spending, and I report under both IFRS and US GAAP."
    ),
    jobs=(
        Job(
            "Senior Financial Analyst",
            "Gulf Coast Midstream Partners LP",
            "Houston, TX",
            "September 2020 – to date",
            (
                "Build and maintain the three-statement financial model in Excel for a $450M pipeline capital "
                "program, including DCF valuation and scenario analysis.",
                "Lead annual budgeting and the rolling quarterly forecasting cycle for six business units.",
                "Prepare US GAAP management reporting and the IFRS reconciliation for the European parent company.",
                "Write SQL against the ERP data warehouse and publish Power BI dashboards for monthly variance "
                "analysis used by the CFO.",
            ),
        ),
        Job(
            "Financial Analyst",
            "Lagoon Commercial Bank Plc",
            "Lagos, Nigeria",
            "March 2016 – August 2020",
            (
                "Built the bank's IFRS 9 expected-credit-loss model in Excel and maintained its quarterly run.",
                "Owned the branch budgeting and forecasting process (120 branches) and explained variances to the "
                "finance committee.",
                "Automated monthly management reports with SQL queries and Power BI, saving four days a month.",
            ),
        ),
        Job(
            "Audit Senior (joined as Audit Associate)",
            "Adeyemi & Partners, Chartered Accountants",
            "Lagos, Nigeria",
            "October 2012 – February 2016",
            (
                "Audited IFRS financial statements of manufacturing and oil-service clients.",
                "Tested internal controls and prepared audit working papers in Excel.",
                "Supervised teams of three associates on engagements of up to ₦8 billion revenue.",
            ),
        ),
    ),
    education=(
        School(
            "B.Sc. Accounting (Second Class Upper Division)",
            "University of Lagos",
            "Akoka, Lagos, Nigeria",
            "2008 – 2012",
        ),
    ),
    skills=(
        ("Financial modelling", "Three-statement models, DCF valuation, scenario and sensitivity analysis"),
        ("Planning", "Budgeting, forecasting, variance analysis"),
        ("Reporting standards", "IFRS, US GAAP"),
        ("Tools", "Microsoft Excel (Power Query, VBA), SQL, Power BI, SAP S/4HANA"),
    ),
    certifications=(
        "Chartered Accountant, ACA — Institute of Chartered Accountants of Nigeria (ICAN), 2015",
        "Financial Modeling & Valuation Analyst (FMVA) — Corporate Finance Institute, 2021",
    ),
    languages=("English — fluent", "Igbo — native", "Yoruba — conversational"),
)
CHINEDU_PORTFOLIO = "https://chinedu-okafor.example.org/models"

EMILY = Resume(
    file="emily_carter_mechanical_engineer.docx",
    name="Emily Carter",
    headline="Mechanical Engineer",
    contact=("Indianapolis, IN", "(317) 555-0118", "emily.carter@example.com"),
    summary=(
        "Mechanical engineer with four years of SolidWorks design for agricultural equipment, now coordinating "
        "appliance product projects. Looking to return to a design engineering role."
    ),
    jobs=(
        Job(
            "Project Coordinator",
            "Lakeshore Appliance Co.",
            "Indianapolis, IN",
            "Aug. 2022 – Present",
            (
                "Coordinate schedules, budgets and supplier deliverables for three product-refresh projects in MS "
                "Project and Smartsheet.",
                "Run weekly status meetings with engineering, sourcing and quality; keep the risk log current.",
                "Review supplier drawings and engineering change orders for fit and form.",
            ),
        ),
        Job(
            "Design Engineer I",
            "Hoosier Ag Equipment, Inc.",
            "Lafayette, IN",
            "June 2018 – July 2022",
            (
                "Designed brackets, guards and sheet metal panels for planter row units in SolidWorks.",
                "Created production drawings with GD&T and maintained bills of materials.",
                "Supported prototype builds and two seasons of field testing.",
            ),
        ),
    ),
    education=(
        School("B.S. Mechanical Engineering", "Purdue University", "West Lafayette, IN", "May 2018",
               ("Senior design project: FEA of a planter toolbar in SolidWorks Simulation.",)),
    ),
    skills=(("Skills", "SolidWorks, SolidWorks Simulation (basic FEA), AutoCAD (basic), GD&T, MS Project, Microsoft Excel"),),
    certifications=(
        "Certified SolidWorks Associate (CSWA) — Dassault Systèmes, 2017",
        "Certified Senior Project Manager — Northwind Skills Academy (digital badge, 2023)",
    ),
)
EMILY_BADGE = "https://badges.northwind-skills.example/credentials/c0ffee00-project-management"

WEI = Resume(
    file="wei_zhang_software_engineer.docx",
    name="Wei Zhang (张伟)",
    headline="Senior Software Engineer — distributed systems",
    contact=("San Jose, CA", "(408) 555-0191", "wei.zhang@example.org"),
    summary=(
        "Backend engineer with eleven years of experience in Go and C++ on Linux, building microservices that "
        "talk over gRPC and run on Kubernetes. Teammates know I will go the extra mile during an incident, and "
        "that I will write the runbook afterwards so nobody has to do it again."
    ),
    jobs=(
        Job(
            "Senior Software Engineer",
            "Bayline Networks",
            "San Jose, CA",
            "2019 – present",
            (
                "Design and operate Go microservices that handle 40,000 requests per second over gRPC, deployed on "
                "Kubernetes (Amazon EKS) on AWS.",
                "Keep device state in PostgreSQL and etcd; wrote the SQL migrations and the failover runbook.",
                "Rewrote the latency-critical packet classifier in C++17; p99 latency fell from 12 ms to 3 ms.",
                "Wrote a Kubernetes operator in Go that rolls out configuration to 2,000 edge nodes.",
                "Built the CI/CD pipeline (Git, GitLab CI, canary releases) for 30 Go services; led the go-live "
                "of the new routing control plane and mentor four engineers.",
            ),
        ),
        Job(
            "Software Engineer",
            "Xihu Cloud Technology Co., Ltd.",
            "Hangzhou, China",
            "2015 – 2019",
            (
                "Developed C++ components of a distributed storage engine on Linux.",
                "Split a monolith into microservices written in Go, communicating over gRPC and Protocol Buffers.",
                "Tuned Linux servers with perf and eBPF, cutting CPU use by 25%.",
            ),
        ),
    ),
    education=(
        School(
            "Bachelor of Engineering (学士) in Software Engineering",
            "Zhejiang University",
            "Hangzhou, China",
            "2011 – 2015",
        ),
    ),
    skills=(
        ("Programming languages", "Go, C++, Python, Bash"),
        ("Infrastructure", "Kubernetes, Docker, Linux, gRPC, Protocol Buffers, Prometheus"),
        ("Architecture", "microservices, distributed systems, REST APIs"),
    ),
    certifications=("Certified Kubernetes Application Developer (CKAD) — The Linux Foundation, 2022",),
    languages=("Mandarin Chinese — native", "English — professional working proficiency"),
)

# ---------------------------------------------------------------------------------------------------------------
# Plain-text résumés: written as text, the way people paste them into a form
# ---------------------------------------------------------------------------------------------------------------

LUCIA_TXT = """\
LUCÍA HERNÁNDEZ
Civil Engineer — Project Controls (Cost & Scheduling)
San Antonio, TX | (210) 555-0149 | lucia.hernandez@example.org

PROFESSIONAL SUMMARY
Civil engineer with twelve years of experience on highway, water and building projects in Mexico City and
Texas. I estimate, schedule and control construction costs: Primavera P6 schedules of 3,000+ activities,
quantity take-offs from AutoCAD Civil 3D models, and monthly earned-value reports that owners trust.

EXPERIENCE

Project Controls Engineer
Lone Star Infrastructure Group — San Antonio, TX
2020 – actualidad
- Build and update Primavera P6 schedules for highway interchange projects worth $60–180M.
- Prepare cost estimates and change-order pricing from AutoCAD Civil 3D quantities.
- Run monthly cost and schedule reviews (earned value, forecasts at completion) with the owner's team.
- Enforce the site safety plan as an OSHA 30 card holder and join weekly safety walks.

Project Engineer — Cost & Scheduling
Constructora Valle de Anáhuac S.A. de C.V. — Mexico City, Mexico
ene. 2016 – dic. 2019
- Prepared cost estimation packages for water-treatment and pipeline projects (budgets up to MXN 900M).
- Scheduled a 28-month wastewater plant in Primavera P6 and tracked the critical path weekly.
- Designed road and drainage alignments in AutoCAD Civil 3D for two residential developments.
- Led a team of four cost engineers and site supervisors.

Site Engineer
Constructora Valle de Anáhuac S.A. de C.V. — Mexico City, Mexico
ene. 2014 – dic. 2015
- Supervised earthworks, concrete and paving crews on a 12 km urban road project.
- Measured quantities for monthly progress payments and kept the site diary.

FORMACIÓN ACADÉMICA
Ingeniera Civil (Licenciatura, five-year degree in Civil Engineering)
Universidad Nacional Autónoma de México (UNAM), Facultad de Ingeniería — Mexico City, Mexico
2008 – 2013

CERTIFICATIONS AND LICENSES
- Cédula Profesional (professional licence to practise civil engineering in Mexico) — Secretaría de
  Educación Pública, 2014; number available on request
- Construction Management Specialization — Coursera, 2021
  Certificate: https://www.coursera.org/verify/specialization/K7QX2M9PLR4D
- OSHA 30-Hour Construction Safety (OSHA 30) — OSHA Outreach Training Program, 2020
- Engineer in Training (EIT), Texas Board of Professional Engineers and Land Surveyors — FE exam
  passed 2024; working toward PE licensure

SKILLS
AutoCAD Civil 3D, Primavera P6, cost estimation, scheduling, earned value management, quantity take-off,
construction management, Microsoft Excel, Microsoft Project

IDIOMAS
Español — nativo
English — advanced (C1)
"""

GRACE_TXT = """\
Grace Mensah, ACCA
Financial Analyst
Atlanta, GA * (404) 555-0158 * grace.mensah@example.net

Profile:
Financial analyst and ACCA member with eleven years of experience in manufacturing, insurance and healthcare
finance in Ghana and the United States. Strong in budgeting, variance analysis and month-end reporting, with
hands-on SAP and QuickBooks experience and advanced Excel.

Work History:

Financial Analyst, Peachtree Community Health Group, Atlanta, GA
Aug. 2022 - Present
  * Prepare the monthly variance analysis of actuals against budget for 14 clinics and explain drivers to
    clinic directors.
  * Build the annual operating budget in Excel (pivot tables, Power Query) and the rolling forecast.
  * Pull general-ledger and cost-centre data from SAP and reconcile it to the bank and payroll systems.
  * Produce the financial analysis behind two clinic-expansion business cases approved by the board.

Senior Finance Officer, Coastline Insurance Company Ltd., Accra, Ghana
Jan. 2018 - Jun. 2022
  * Led budgeting for the claims and underwriting departments (GHS 120M annual budget).
  * Ran quarterly variance analysis and presented results to the executive committee.
  * Key user in the SAP FI/CO rollout: tested cost-centre reports and trained 25 finance staff.

Accounts Officer, Volta Agro Processing Ltd., Tema, Ghana
Jan. 2014 - Dec. 2017
  * Kept the books of a 200-employee food processor in QuickBooks; prepared monthly management accounts.
  * Prepared bank reconciliations, VAT returns and payroll journals.
  * Built Excel cash-flow forecasts that the bank accepted for a working-capital loan.

Education:
Higher National Diploma (HND) in Accountancy, Accra Technical University (formerly Accra Polytechnic),
Accra, Ghana, 2010 - 2013

Professional Qualifications:
  * ACCA - Association of Chartered Certified Accountants, member since 2019 (all 13 exams passed 2017)
  * QuickBooks Online Certified ProAdvisor - Intuit, 2023

Key Skills:
Financial analysis | Budgeting | Variance analysis | Forecasting | Microsoft Excel | SAP FI/CO |
QuickBooks | Month-end close | IFRS | Management reporting

Languages:
English (fluent), Twi (native), Ga (conversational)
"""

KWAME_TXT = """\
KWAME ASANTE, BSc, RGN
Registered General Nurse (Ghana) — critical care and medical-surgical nursing
Columbus, OH (relocated in 2026)  ·  (614) 555-0185  ·  kwame.asante@example.com

Summary
-------
Registered General Nurse with ten years of hospital experience in Accra, the last eight in a 12-bed
intensive care unit. Skilled in patient assessment, medication administration, IV therapy and infection
control. Preparing for U.S. licensure: CGFNS review in progress, NCLEX-RN to follow.

Experience
----------
Senior Staff Nurse, Intensive Care Unit
Labadi Coast Hospital, Accra, Ghana
Sept 2018 - Present (on leave since relocation in 2026)
  - Care for ventilated and post-surgical patients; hourly patient assessment and charting in the
    electronic health record.
  - Medication administration, including infusions and titration of vasoactive drugs under protocol.
  - IV therapy: peripheral cannulation, central-line care and blood transfusion checks.
  - Infection control link nurse: hand-hygiene audits and central-line bundle compliance (CLABSI rate
    down 40% in two years).
  - Precept new graduate nurses and students during their ICU rotation.

Staff Nurse, Medical-Surgical Ward
Dansoman Community Hospital, Accra, Ghana
Oct 2014 - Aug 2018
  - Delivered nursing care to 8-10 adult patients per shift: patient assessment, wound care,
    medication administration and discharge teaching.
  - Started and maintained IV therapy; monitored fluid balance and vital signs.
  - Followed infection control and isolation procedures during the 2014-2015 Ebola preparedness drills.

Education
---------
BSc Nursing, University of Ghana, School of Nursing and Midwifery, Legon, Accra, Ghana — 2010 - 2014

Licences and certifications
---------------------------
  - Registered General Nurse (RGN), Nursing and Midwifery Council of Ghana — 2014 (PIN on request)
  - CGFNS Certification Program (credentials review for U.S. nursing) — in progress, applied 2026
  - NCLEX-RN — not yet taken; planned after the CGFNS review
  - Basic Life Support (BLS) — American Heart Association, 2025

Skills
------
Patient assessment, medication administration, IV therapy, critical care nursing, wound care,
infection control, electronic health records, patient education

Languages
---------
English (fluent), Twi (native), Ga (fluent)
"""

TEXT_RESUMES: dict[str, str] = {
    "lucia_hernandez_civil_engineer.txt": LUCIA_TXT,
    "grace_mensah_financial_analyst.txt": GRACE_TXT,
    "kwame_asante_registered_nurse.txt": KWAME_TXT,
}

# ---------------------------------------------------------------------------------------------------------------
# JSON Resume (https://jsonresume.org/schema)
# ---------------------------------------------------------------------------------------------------------------

JORDAN_JSON: dict[str, object] = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Jordan Ellis",
        "label": "Full-Stack Developer (self-taught)",
        "email": "jordan.ellis@example.net",
        "phone": "(503) 555-0150",
        "url": "https://jordanellis.example.net",
        "summary": (
            "Self-taught full-stack developer with eight years of shipping web products: first for small "
            "businesses as a freelancer, then at two startups. I work in TypeScript end to end — React on the "
            "front, Node.js and PostgreSQL on the back — and I learned it all from online courses, open source "
            "and production incidents rather than a degree."
        ),
        "location": {"city": "Portland", "region": "OR", "countryCode": "US"},
        "profiles": [
            {"network": "GitHub", "username": "jordanellis", "url": "https://code.example.net/jordanellis"},
        ],
    },
    "work": [
        {
            "name": "Fernbrook Health",
            "location": "Portland, OR",
            "description": "Seed-stage startup: appointment scheduling for community clinics",
            "position": "Senior Full-Stack Developer",
            "startDate": "2022-11",
            "summary": "Second engineer hired; own the patient-facing web app and its API.",
            "highlights": [
                "Built the booking app in React and TypeScript, used by 60 clinics and 40,000 patients a month.",
                "Designed the Node.js (Express) API and the PostgreSQL schema, with migrations and row-level "
                "security.",
                "Containerised every service with Docker and run them on AWS (ECS, RDS for PostgreSQL); set up "
                "GitHub Actions CI with Git-based preview deployments.",
                "Cut page load time from 4.1 s to 1.3 s by code-splitting the React bundle.",
            ],
        },
        {
            "name": "Tidepool Labs",
            "location": "Remote",
            "description": "Startup building inventory software for independent retailers",
            "position": "Full-Stack Developer",
            "startDate": "2020-09",
            "endDate": "2022-10",
            "highlights": [
                "Migrated a JavaScript code base of 80,000 lines to TypeScript without a feature freeze.",
                "Built React dashboards and Node.js services for stock forecasts on PostgreSQL.",
                "Introduced Docker Compose for local development, cutting onboarding from three days to one.",
            ],
        },
        {
            "name": "Self-employed",
            "location": "Portland, OR",
            "position": "Freelance Web Developer",
            "startDate": "2018-06",
            "endDate": "2020-08",
            "highlights": [
                "Delivered 25 websites and web shops for local businesses in JavaScript, React and Node.js.",
                "Kept every client project in Git and set up PostgreSQL databases for three booking systems.",
            ],
        },
    ],
    "education": [],
    "certificates": [
        {
            "name": "Full-Stack JavaScript Developer",
            "date": "2023-05-10",
            "issuer": "Northwind Skills Academy",
            "url": "https://badges.northwind-skills.example/credentials/7b2d4e10-fullstack-javascript",
        },
        {
            "name": "Python for Data Analysis",
            "date": "2021-02-01",
            "issuer": "Northwind Skills Academy",
            "url": "https://badges.northwind-skills.example/credentials/9a8e7f66-python-data",
        },
        {
            "name": "Learning Docker",
            "date": "2021-09-20",
            "issuer": "LinkedIn Learning",
            "url": "https://www.linkedin.com/learning/certificates/8c1f5e2a9b3d47f0a6e4c2b1d9f87a35",
        },
        {
            "name": "Responsive Web Design",
            "date": "2018-03-14",
            "issuer": "freeCodeCamp",
            "url": "https://www.freecodecamp.org/certification/jordan-ellis-demo/responsive-web-design",
        },
    ],
    "skills": [
        {"name": "Front end", "level": "Advanced", "keywords": ["JavaScript", "TypeScript", "React", "HTML", "CSS"]},
        {"name": "Back end", "level": "Advanced", "keywords": ["Node.js", "Express", "PostgreSQL", "REST APIs"]},
        {"name": "Tooling", "level": "Intermediate", "keywords": ["Git", "Docker", "GitHub Actions", "Linux"]},
    ],
    "languages": [
        {"language": "English", "fluency": "Native speaker"},
        {"language": "Spanish", "fluency": "Intermediate"},
    ],
    "projects": [
        {
            "name": "clinic-slots",
            "description": "Open-source React component for booking time slots, 1,200 stars.",
            "startDate": "2021-04",
            "url": "https://code.example.net/jordanellis/clinic-slots",
            "keywords": ["React", "TypeScript"],
        }
    ],
    "meta": {"version": "v1.0.0", "lastModified": "2026-01-15T09:00:00"},
}

# ---------------------------------------------------------------------------------------------------------------
# PDF renderers (reportlab)
# ---------------------------------------------------------------------------------------------------------------


def _font_dir() -> Path:
    candidates = [os.environ.get("SAMPLES_FONT_DIR", ""), "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                  "/usr/share/fonts/TTF", "/Library/Fonts", str(Path.home() / ".fonts")]
    for c in candidates:
        if c and (Path(c) / "DejaVuSans.ttf").is_file() and (Path(c) / "DejaVuSans-Bold.ttf").is_file():
            return Path(c)
    sys.exit("make_samples: DejaVu Sans not found (install fonts-dejavu-core or set SAMPLES_FONT_DIR)")


def _register_dejavu() -> None:
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    d = _font_dir()
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(d / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(d / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold",
                                  italic="DejaVuSans", boldItalic="DejaVuSans-Bold")


def _esc(text: str) -> str:
    """Escape text for reportlab's Paragraph mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class PdfStyles:
    name: ParagraphStyle
    headline: ParagraphStyle
    contact: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    role: ParagraphStyle
    meta: ParagraphStyle
    right: ParagraphStyle


def _styles(regular: str, bold: str, accent: colors.Color, size: float = 9.5) -> PdfStyles:
    lead = size * 1.3
    return PdfStyles(
        name=ParagraphStyle("name", fontName=bold, fontSize=20, leading=24, textColor=accent),
        headline=ParagraphStyle("headline", fontName=regular, fontSize=11.5, leading=15),
        contact=ParagraphStyle("contact", fontName=regular, fontSize=9, leading=12, textColor=colors.HexColor("#333333")),
        heading=ParagraphStyle("heading", fontName=bold, fontSize=11, leading=14, spaceBefore=9, spaceAfter=2,
                               textColor=accent),
        body=ParagraphStyle("body", fontName=regular, fontSize=size, leading=lead),
        bullet=ParagraphStyle("bullet", fontName=regular, fontSize=size, leading=lead, leftIndent=12,
                              bulletIndent=2, spaceAfter=1),
        role=ParagraphStyle("role", fontName=bold, fontSize=size + 0.5, leading=lead + 1, spaceBefore=5),
        meta=ParagraphStyle("meta", fontName=regular, fontSize=size, leading=lead, textColor=colors.HexColor("#444444")),
        right=ParagraphStyle("right", fontName=regular, fontSize=size, leading=lead, alignment=TA_RIGHT),
    )


def _heading(title: str, st: PdfStyles, accent: colors.Color, width: float | str = "100%") -> list[Flowable]:
    return [Paragraph(_esc(title), st.heading),
            HRFlowable(width=width, thickness=0.7, color=accent, spaceBefore=0, spaceAfter=3)]


def _bullets(items: Sequence[str], st: PdfStyles) -> list[Flowable]:
    return [Paragraph(_esc(b), st.bullet, bulletText="•") for b in items]


class LinkedText(Flowable):
    """A short line of text with a URI link annotation over it (``canvas.linkURL``), like "Verify badge"."""

    def __init__(self, text: str, url: str, font: str, size: float, color: colors.Color) -> None:
        super().__init__()
        self.text, self.url, self.font, self.size, self.color = text, url, font, size, color
        self.width_ = pdfmetrics.stringWidth(text, font, size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        return self.width_, self.size * 1.35

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.font, self.size)
        c.setFillColor(self.color)
        baseline = self.size * 0.3
        c.drawString(0, baseline, self.text)
        c.setStrokeColor(self.color)
        c.setLineWidth(0.5)
        c.line(0, baseline - 1.5, self.width_, baseline - 1.5)
        # relative=1: the rectangle is in this flowable's coordinates, reportlab maps it to the page.
        c.linkURL(self.url, (0, 0, self.width_, self.size * 1.35), relative=1, thickness=0)


def _pdf_meta(r: Resume, keywords: str) -> dict[str, str]:
    return {"title": f"{r.name} — résumé", "author": AUTHOR, "subject": r.headline, "creator": "scripts/make_samples.py",
            "keywords": keywords}


def build_ana_pdf(path: Path) -> None:
    """Single column, standard Helvetica, dates right-aligned in a table cell next to the role."""
    r = ANA
    accent = colors.HexColor("#1F4E79")
    st = _styles("Helvetica", "Helvetica-Bold", accent)
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                            topMargin=0.6 * inch, bottomMargin=0.6 * inch, **_pdf_meta(r, "mechanical engineering"))
    width = LETTER[0] - 1.5 * inch
    story: list[Flowable] = [
        Paragraph(_esc(r.name), st.name),
        Paragraph(_esc(r.headline), st.headline),
        Paragraph(_esc("  ·  ".join(r.contact)), st.contact),
        *_heading("SUMMARY", st, accent),
        Paragraph(_esc(r.summary), st.body),
        *_heading("EXPERIENCE", st, accent),
    ]
    for j in r.jobs:
        head = Table(
            [[Paragraph(f"<b>{_esc(j.title)}</b> — {_esc(j.employer)}, {_esc(j.location)}", st.body),
              Paragraph(_esc(j.dates), st.right)]],
            colWidths=[width * 0.74, width * 0.26],
        )
        head.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(KeepTogether([head, *_bullets(j.bullets, st)]))
    story += _heading("EDUCATION", st, accent)
    for s in r.education:
        story += [Paragraph(f"<b>{_esc(s.credential)}</b>", st.body),
                  Paragraph(_esc(f"{s.institution}, {s.location} — {s.dates}"), st.body),
                  *[Paragraph(_esc(n), st.meta) for n in s.notes]]
    story += _heading("SKILLS", st, accent)
    story += [Paragraph(f"<b>{_esc(g)}:</b> {_esc(v)}", st.body) for g, v in r.skills]
    story += _heading("CERTIFICATIONS", st, accent)
    story += _bullets(r.certifications, st)
    story += _heading("LANGUAGES", st, accent)
    story.append(Paragraph(_esc(" · ".join(r.languages)), st.body))
    doc.build(story)


def build_priya_pdf(path: Path) -> None:
    """Single column, Times body with Helvetica headings, dates inline, a Badges section with a link annotation."""
    r = PRIYA
    accent = colors.HexColor("#6B2C5F")
    st = _styles("Times-Roman", "Times-Bold", accent, size=10.5)
    heading = ParagraphStyle("h", parent=st.heading, fontName="Helvetica-Bold", fontSize=10.5)
    st = PdfStyles(st.name, st.headline, st.contact, heading, st.body, st.bullet, st.role, st.meta, st.right)
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                            topMargin=0.6 * inch, bottomMargin=0.6 * inch, **_pdf_meta(r, "software engineering"))
    story: list[Flowable] = [
        Paragraph(_esc(r.name), st.name),
        Paragraph(_esc(r.headline), st.headline),
        Paragraph(_esc(" | ".join(r.contact)), st.contact),
        *_heading("Summary", st, accent),
        Paragraph(_esc(r.summary), st.body),
        *_heading("Experience", st, accent),
    ]
    for j in r.jobs:
        story.append(KeepTogether([
            Paragraph(f"<b>{_esc(j.title)}</b> | {_esc(j.employer)} | {_esc(j.location)} | {_esc(j.dates)}", st.role),
            *_bullets(j.bullets, st),
        ]))
    story += _heading("Education", st, accent)
    for s in r.education:
        story.append(Paragraph(f"<b>{_esc(s.credential)}</b>, {_esc(s.institution)}, {_esc(s.location)}, "
                               f"{_esc(s.dates)}", st.body))
    story += _heading("Skills", st, accent)
    story += [Paragraph(f"<b>{_esc(g)}:</b> {_esc(v)}", st.body) for g, v in r.skills]
    story += _heading("Certifications", st, accent)
    story += _bullets(r.certifications, st)
    story += _heading("Badges", st, accent)
    story += [
        Paragraph("<b>Cloud Infrastructure on AWS</b> — Northwind Skills Academy (Open Badge, issued 2024)", st.body),
        Paragraph(_esc(PRIYA_AWS_BADGE), st.body),
        LinkedText("Verify badge", PRIYA_AWS_BADGE, "Helvetica", 9.5, colors.HexColor("#0B5394")),
        Spacer(1, 4),
        Paragraph("<b>Kubernetes Operations</b> — Northwind Skills Academy (Open Badge, issued 2025); the baked "
                  "badge image priya_raman_kubernetes.png is attached to this application.", st.body),
    ]
    story += _heading("Languages", st, accent)
    story.append(Paragraph(_esc(", ".join(r.languages)), st.body))
    doc.build(story)


def build_tomasz_pdf(path: Path) -> None:
    """Two columns drawn as reportlab frames: sidebar (35%: contact, skills, languages, certifications) then main.

    Lines of the sidebar and the main column share baselines, so a reader that goes strictly left to right
    across the page mixes them; the content stream holds the sidebar first, then the main column.
    """
    _register_dejavu()
    r = TOMASZ
    accent = colors.HexColor("#0E6655")
    st = _styles("DejaVuSans", "DejaVuSans-Bold", accent, size=8.8)
    page_w, page_h = A4
    margin = 14 * mm
    gutter = 7 * mm
    header_h = 21 * mm
    inner_w = page_w - 2 * margin
    side_w = inner_w * 0.35
    main_w = inner_w - side_w - gutter
    body_h = page_h - 2 * margin - header_h

    def first_page(canvas: object, doc: object) -> None:  # a tinted sidebar, as résumé templates do
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFillColor(colors.HexColor("#E8F3F0"))  # type: ignore[attr-defined]
        canvas.rect(margin - 3 * mm, margin, side_w + 6 * mm, body_h, stroke=0, fill=1)  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    header = Frame(margin, page_h - margin - header_h, inner_w, header_h, id="header", leftPadding=0, rightPadding=0)
    side = Frame(margin, margin, side_w, body_h, id="sidebar", leftPadding=2, rightPadding=4)
    main = Frame(margin + side_w + gutter, margin, main_w, body_h, id="main", leftPadding=0, rightPadding=0)
    later = Frame(margin, margin, inner_w, page_h - 2 * margin, id="later")
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, **_pdf_meta(r, "data engineering"))
    doc.addPageTemplates([PageTemplate(id="first", frames=[header, side, main], onPage=first_page),
                          PageTemplate(id="later", frames=[later])])
    side_w_pts = side_w - 6
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Paragraph(_esc(r.name), st.name),
        Paragraph(_esc(r.headline), st.headline),
        FrameBreak(),
        *_heading("CONTACT", st, accent, side_w_pts),
        *[Paragraph(_esc(c), st.body) for c in r.contact],
        *_heading("SKILLS", st, accent, side_w_pts),
    ]
    for g, v in r.skills:
        story += [Paragraph(f"<b>{_esc(g)}</b>", st.body), Paragraph(_esc(v), st.body), Spacer(1, 3)]
    story += _heading("LANGUAGES", st, accent, side_w_pts)
    story += [Paragraph(_esc(lang), st.body) for lang in r.languages]
    story += _heading("CERTIFICATIONS", st, accent, side_w_pts)
    story += _bullets(r.certifications, st)
    story.append(FrameBreak())
    story += _heading("SUMMARY", st, accent)
    story.append(Paragraph(_esc(r.summary), st.body))
    story += _heading("EXPERIENCE", st, accent)
    for j in r.jobs:
        story.append(KeepTogether([
            Paragraph(_esc(j.title), st.role),
            Paragraph(_esc(f"{j.dates} · {j.employer}, {j.location}"), st.meta),
            *_bullets(j.bullets, st),
        ]))
    story += _heading("EDUCATION", st, accent)
    for s in r.education:
        story += [Paragraph(f"<b>{_esc(s.credential)}</b>", st.body),
                  Paragraph(_esc(f"{s.institution}, {s.location} · {s.dates}"), st.meta),
                  *[Paragraph(_esc(n), st.body) for n in s.notes]]
    doc.build(story)


# ---------------------------------------------------------------------------------------------------------------
# DOCX renderers (python-docx)
# ---------------------------------------------------------------------------------------------------------------


def _new_docx(r: Resume, base_font: str, size: float) -> object:
    d = new_docx()
    normal = d.styles["Normal"]
    normal.font.name = base_font
    normal.font.size = Pt(size)
    cp = d.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = f"{r.name} — résumé"
    cp.subject = r.headline
    cp.comments = "Fictional person written for Skills Screener's demo (CC0)."
    cp.created = FIXED_TIME.replace(tzinfo=None)
    cp.modified = FIXED_TIME.replace(tzinfo=None)
    cp.last_printed = FIXED_TIME.replace(tzinfo=None)
    cp.revision = 1
    return d


def _add_hyperlink(paragraph: DocxParagraph, url: str, text: str) -> None:
    """python-docx has no hyperlink API: add the relationship and the ``w:hyperlink`` element by hand."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _save_docx(d: object, path: Path) -> None:
    """Save, then rewrite the ZIP with fixed timestamps (python-docx stamps entries with the current time)."""
    buf = io.BytesIO()
    d.save(buf)  # type: ignore[attr-defined]
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


def build_chinedu_docx(path: Path) -> None:
    """Word heading styles, List Bullet paragraphs, a skills table and a hyperlink with its own anchor text."""
    r = CHINEDU
    d = _new_docx(r, "Calibri", 10.5)
    d.add_heading(r.name, level=0)  # type: ignore[attr-defined]
    d.add_paragraph(r.headline).runs[0].bold = True  # type: ignore[attr-defined]
    p = d.add_paragraph(" | ".join(r.contact) + " | ")  # type: ignore[attr-defined]
    _add_hyperlink(p, CHINEDU_PORTFOLIO, "Portfolio of financial models")
    d.add_heading("Professional Summary", level=1)  # type: ignore[attr-defined]
    d.add_paragraph(r.summary)  # type: ignore[attr-defined]
    d.add_heading("Professional Experience", level=1)  # type: ignore[attr-defined]
    for j in r.jobs:
        d.add_heading(f"{j.title} — {j.employer}", level=2)  # type: ignore[attr-defined]
        meta = d.add_paragraph()  # type: ignore[attr-defined]
        meta.add_run(f"{j.location} | {j.dates}").italic = True
        for b in j.bullets:
            d.add_paragraph(b, style="List Bullet")  # type: ignore[attr-defined]
    d.add_heading("Education", level=1)  # type: ignore[attr-defined]
    for s in r.education:
        para = d.add_paragraph()  # type: ignore[attr-defined]
        para.add_run(s.credential).bold = True
        para.add_run(f"\n{s.institution}, {s.location}, {s.dates}")
    d.add_heading("Professional Qualifications", level=1)  # type: ignore[attr-defined]
    for c in r.certifications:
        d.add_paragraph(c, style="List Bullet")  # type: ignore[attr-defined]
    d.add_heading("Skills", level=1)  # type: ignore[attr-defined]
    table = d.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Area"
    table.rows[0].cells[1].text = "Skills and tools"
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    for group, items in r.skills:
        row = table.add_row()
        row.cells[0].text = group
        row.cells[1].text = items
    d.add_heading("Languages", level=1)  # type: ignore[attr-defined]
    d.add_paragraph(", ".join(r.languages))  # type: ignore[attr-defined]
    _save_docx(d, path)


def build_emily_docx(path: Path) -> None:
    """No Word heading styles (bold capitals instead), plain "•" paragraphs, the badge URL as an auto-link."""
    r = EMILY
    d = _new_docx(r, "Arial", 10)

    def section(title: str) -> None:
        para = d.add_paragraph()  # type: ignore[attr-defined]
        para.paragraph_format.space_before = Pt(10)
        run = para.add_run(title.upper())
        run.bold = True
        run.font.size = Pt(11)
        run.font.color.rgb = RGBColor(0x7A, 0x1F, 0x1F)

    name = d.add_paragraph().add_run(r.name)  # type: ignore[attr-defined]
    name.bold = True
    name.font.size = Pt(18)
    d.add_paragraph(f"{r.headline} · " + " · ".join(r.contact))  # type: ignore[attr-defined]
    section("Summary")
    d.add_paragraph(r.summary)  # type: ignore[attr-defined]
    section("Experience")
    for j in r.jobs:
        para = d.add_paragraph()  # type: ignore[attr-defined]
        para.add_run(j.title).bold = True
        para.add_run(f", {j.employer}, {j.location}\t{j.dates}")
        for b in j.bullets:
            d.add_paragraph(f"• {b}")  # type: ignore[attr-defined]
    section("Education")
    for s in r.education:
        d.add_paragraph(f"{s.credential}, {s.institution}, {s.location} — {s.dates}")  # type: ignore[attr-defined]
        for n in s.notes:
            d.add_paragraph(n)  # type: ignore[attr-defined]
    section("Skills")
    d.add_paragraph(r.skills[0][1])  # type: ignore[attr-defined]
    section("Certifications & Badges")
    for c in r.certifications:
        d.add_paragraph(f"• {c}")  # type: ignore[attr-defined]
    para = d.add_paragraph("  Verify: ")  # type: ignore[attr-defined]
    _add_hyperlink(para, EMILY_BADGE, EMILY_BADGE)
    _save_docx(d, path)


def build_wei_docx(path: Path) -> None:
    """Heading 2 sections, role lines with an en dash, CJK characters in the name and degree."""
    r = WEI
    d = _new_docx(r, "Calibri", 10.5)
    title = d.add_paragraph()  # type: ignore[attr-defined]
    run = title.add_run(r.name)
    run.bold = True
    run.font.size = Pt(20)
    d.add_paragraph(r.headline)  # type: ignore[attr-defined]
    d.add_paragraph("  ·  ".join(r.contact))  # type: ignore[attr-defined]
    d.add_heading("Summary", level=2)  # type: ignore[attr-defined]
    d.add_paragraph(r.summary)  # type: ignore[attr-defined]
    d.add_heading("Work Experience", level=2)  # type: ignore[attr-defined]
    for j in r.jobs:
        para = d.add_paragraph()  # type: ignore[attr-defined]
        para.add_run(f"{j.title}, {j.employer}").bold = True
        para.add_run(f" — {j.location}, {j.dates}")
        for b in j.bullets:
            d.add_paragraph(b, style="List Bullet")  # type: ignore[attr-defined]
    d.add_heading("Education", level=2)  # type: ignore[attr-defined]
    for s in r.education:
        d.add_paragraph(f"{s.credential}, {s.institution}, {s.location}, {s.dates}")  # type: ignore[attr-defined]
    d.add_heading("Technical Skills", level=2)  # type: ignore[attr-defined]
    for group, items in r.skills:
        para = d.add_paragraph()  # type: ignore[attr-defined]
        para.add_run(f"{group}: ").bold = True
        para.add_run(items)
    d.add_heading("Certifications", level=2)  # type: ignore[attr-defined]
    for c in r.certifications:
        d.add_paragraph(c, style="List Bullet")  # type: ignore[attr-defined]
    d.add_heading("Languages", level=2)  # type: ignore[attr-defined]
    d.add_paragraph("; ".join(r.languages))  # type: ignore[attr-defined]
    _save_docx(d, path)


# ---------------------------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------------------------


def _write_text(text: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(text.encode("utf-8"))  # bytes: no platform newline translation

    return build


def _write_json(obj: dict[str, object]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes((json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

    return build


BUILDERS: dict[str, Callable[[Path], None]] = {
    ANA.file: build_ana_pdf,
    CHINEDU.file: build_chinedu_docx,
    "lucia_hernandez_civil_engineer.txt": _write_text(LUCIA_TXT),
    PRIYA.file: build_priya_pdf,
    "jordan_ellis_self_taught_developer.json": _write_json(JORDAN_JSON),
    EMILY.file: build_emily_docx,
    TOMASZ.file: build_tomasz_pdf,
    "grace_mensah_financial_analyst.txt": _write_text(GRACE_TXT),
    WEI.file: build_wei_docx,
    "kwame_asante_registered_nurse.txt": _write_text(KWAME_TXT),
}


def _validate_json_resume(path: Path) -> None:
    """Check the JSON Resume against the official schema when a copy is at hand (development trees only)."""
    for candidate in (ROOT / "screener" / "ingest" / "data" / "schema.json",
                      ROOT.parent / "shared" / "data" / "resumes" / "jsonresume" / "schema.json"):
        if candidate.is_file():
            import jsonschema

            schema = json.loads(candidate.read_text(encoding="utf-8"))
            jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
                json.loads(path.read_text(encoding="utf-8")))
            return


def build_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        target = out / name
        build(target)
        written.append(target)
        if name.endswith(".json"):
            _validate_json_resume(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: sample_data/)")
    ap.add_argument("--check", action="store_true", help="build to a temp folder and compare with --out")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            built = build_all(Path(tmp))
            differ = [p.name for p in built if not (args.out / p.name).is_file()
                      or not filecmp.cmp(p, args.out / p.name, shallow=False)]
        for name in differ:
            print(f"differs: {name}")
        print("all sample files are up to date" if not differ else f"{len(differ)} file(s) differ")
        return 1 if differ else 0
    for p in build_all(args.out):
        print(f"wrote {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
