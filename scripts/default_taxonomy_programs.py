# ruff: noqa: E501 -- one record a line reads better than wrapped tables
"""Learning programs of the default taxonomy (read by build_default_taxonomy.py).

Providers are invented for the example.  Each program is a block of three lines, blocks
separated by a blank line::

    preferred label | type | delivery mode | hours | cost in EUR | provider | level | field
    one-sentence description
    T: skills taught, by preferred label (;-separated)

The field is "-" for programs that serve every field (communication, thinking skills).
"""

PROGRAMS = """
Digital Marketing Foundations | online course | online | 40 | 290 | Brightpath Learning | beginner | digital-marketing
A first course in the channels and daily work of digital marketing, with hands-on exercises for each channel.
T: digital marketing fundamentals; social media marketing; email marketing; content calendar planning; copywriting; content management systems

SEO and Search Advertising | online course | online | 35 | 350 | Brightpath Learning | intermediate | digital-marketing
Organic and paid search in practice: keyword research, on-page and technical SEO, search ads and measuring results.
T: SEO; keyword research; pay-per-click advertising; web analytics

Content Marketing and Copywriting Workshop | in-person training | in-person | 21 | 890 | Fernwood Training | intermediate | digital-marketing
Three days of writing and planning content that ranks, gets read and converts.
T: content marketing; copywriting; content calendar planning; SEO; UX writing

Social Media Marketing Bootcamp | bootcamp | blended | 80 | 1900 | Northbridge Academy | beginner | digital-marketing
An intensive, project-based bootcamp on organic and paid social media, community and short video.
T: social media marketing; paid social advertising; community management; video content creation; influencer marketing; content calendar planning

Marketing Analytics and Experimentation | online course | online | 45 | 420 | Lumen Data School | intermediate | digital-marketing
Measure what marketing achieves: tracking, attribution, segmentation, A/B tests and conversion optimisation.
T: marketing analytics; web analytics; A/B testing; conversion rate optimisation; customer segmentation

Marketing Strategy for Managers | in-person training | blended | 30 | 1800 | Meridian Business School | advanced | digital-marketing
For new marketing managers: strategy, brand, budgets, automation and running campaigns across channels.
T: marketing strategy; brand management; marketing campaign management; budgeting; marketing automation

Marketing Mentorship Circle | mentorship | online | 24 | 600 | Harbour Mentoring Network | intermediate | digital-marketing
Six months of fortnightly sessions with an experienced marketing manager and a small peer group.
T: marketing campaign management; marketing strategy; stakeholder communication; market research

HR Fundamentals Certificate | online course | online | 60 | 480 | Open Skills Institute | beginner | human-resources
The core of HR work for newcomers: records, hiring, onboarding, HR systems and the basics of employment law.
T: HR administration; onboarding; employment law; HR information systems; recruitment

Modern Recruitment and AI Hiring | online course | online | 25 | 390 | Brightpath Learning | intermediate | human-resources
Sourcing, screening and interviewing with today's tools, including AI-assisted hiring and how to keep it fair.
T: AI-driven recruitment; candidate sourcing; candidate screening; interviewing techniques; applicant tracking systems; employer branding

People Analytics Bootcamp | bootcamp | online | 90 | 2400 | Lumen Data School | intermediate | human-resources
Turn HR data into insight: spreadsheets, SQL, dashboards and workforce planning for HR professionals.
T: people analytics; data analytics; spreadsheet modelling; data visualisation; SQL; workforce planning

Employee Relations and Employment Law | in-person training | in-person | 24 | 1100 | Fernwood Training | intermediate | human-resources
Handle grievances, discipline, performance issues and policies with confidence and within the law.
T: employment law; employee relations; HR policy development; conflict resolution; performance management

Learning Design and Facilitation | online course | blended | 40 | 950 | Open Skills Institute | intermediate | human-resources
Find training needs, design courses and deliver engaging sessions in the room and online.
T: instructional design; learning needs analysis; training delivery; presentation skills; meeting facilitation

Strategic HR Leadership Program | leadership program | blended | 60 | 4200 | Meridian Business School | advanced | human-resources
For senior HR professionals who partner with executives on organisation, reward, workforce and change.
T: HR strategy; organisational development; change management; workforce planning; compensation and benefits; diversity and inclusion

Project Management Essentials | online course | online | 35 | 320 | Open Skills Institute | beginner | project-management
Plan, schedule, track and report a project from start to finish with common methods and tools.
T: project planning; project scheduling; project lifecycle management; status reporting; project management software; project documentation

Agile and Scrum Practitioner | in-person training | in-person | 16 | 1150 | Northbridge Academy | intermediate | project-management
Two days of hands-on practice with agile values, Scrum events and roles, and Kanban flow.
T: agile methodologies; Scrum; Kanban; meeting facilitation

Advanced Project Management | online course | blended | 70 | 1600 | Meridian Business School | advanced | project-management
Risk, scope, resources, suppliers, business cases and earned value for experienced project managers.
T: project risk management; scope management; resource planning; stakeholder management; earned value management; business case development; vendor management

Business Analysis Essentials | online course | online | 30 | 420 | Open Skills Institute | intermediate | project-management
Elicit and document requirements, map processes and build the business case for a change.
T: requirements gathering; process documentation; stakeholder management; business case development; meeting facilitation

Project Leadership Mentorship | mentorship | online | 20 | 750 | Harbour Mentoring Network | intermediate | project-management
One-to-one mentoring by a senior project manager for people who have just started leading projects.
T: stakeholder management; team leadership; conflict resolution; negotiation; project risk management

Programme and Portfolio Management | leadership program | blended | 50 | 3600 | Meridian Business School | advanced | project-management
Steer many projects at once: programme benefits, portfolio choices, governance and strategy.
T: programme management; portfolio management; corporate governance; strategic planning; business case development

Office Administration Skills | online course | online | 30 | 190 | Open Skills Institute | beginner | administration
The everyday skills of office work: documents, email, calendars, filing, minutes and typing.
T: office software; calendar management; correspondence management; document management; minute taking; typing; data entry; attention to detail

Executive Assistant Masterclass | in-person training | in-person | 14 | 780 | Fernwood Training | intermediate | administration
For assistants who support executives: diaries, travel, events, discretion and working with stakeholders.
T: executive support; travel arrangement; event coordination; confidential information handling; stakeholder communication

Workflow Automation for Offices | online course | online | 20 | 250 | Civic Digital College | beginner | administration
Automate routine office work with spreadsheets, no-code tools and AI assistants, and document the new process.
T: workflow automation; spreadsheets; process documentation; generative AI tools

Office Management and Procurement | in-person training | blended | 30 | 850 | Fernwood Training | intermediate | administration
Run an office well: facilities, purchasing, suppliers, stock and the office budget.
T: office management; facilities management; procurement; vendor management; inventory management; budgeting

Customer Service Excellence | in-person training | in-person | 14 | 520 | Fernwood Training | beginner | customer-facing
Serve customers well on the phone and face to face, handle complaints and calm difficult conversations.
T: customer service; complaint handling; de-escalation; empathy; active listening; telephone etiquette; customer orientation; reception duties

Support Operations and Knowledge Management | online course | online | 20 | 280 | Civic Digital College | intermediate | customer-facing
Work a support queue well: tickets, service levels, chat, troubleshooting and help-centre articles.
T: ticketing systems; knowledge base writing; service level agreements; live chat support; troubleshooting

Sales Bootcamp | bootcamp | blended | 120 | 2900 | Northbridge Academy | beginner | customer-facing
A career-change bootcamp for business-to-business sales, from prospecting to closing.
T: sales techniques; lead generation; cold calling; CRM software; product demonstrations; consultative selling; sales pipeline management; customer needs analysis

Customer Success Management Course | online course | online | 30 | 450 | Brightpath Learning | intermediate | customer-facing
Onboard, retain and grow customers, and use their feedback to improve the product.
T: customer success management; customer onboarding; customer retention; account management; customer feedback analysis; upselling and cross-selling

Sales Management Program | leadership program | blended | 45 | 2800 | Atlas Leadership Centre | intermediate | customer-facing
For new sales managers: forecasting, pipeline reviews, targets and coaching sellers.
T: sales forecasting; sales pipeline management; account management; KPI management; coaching and mentoring; goal setting

Negotiation Skills Workshop | in-person training | in-person | 12 | 690 | Meridian Business School | intermediate | customer-facing
Prepare and conduct negotiations with customers, suppliers and colleagues through role plays.
T: negotiation; contract negotiation; influencing; active listening

Data Analytics Bootcamp | bootcamp | online | 240 | 4900 | Lumen Data School | beginner | data-and-ai
Twelve weeks from spreadsheets to SQL, statistics and dashboards, with a portfolio project.
T: data analytics; SQL; spreadsheet modelling; data cleaning; data visualisation; statistics; dashboard design; business intelligence tools

SQL for Data Analysis | online course | online | 30 | 190 | Lumen Data School | beginner | data-and-ai
Query, join and aggregate data in relational databases, and clean it on the way.
T: SQL; relational databases; data cleaning

Python for Data Analysis | online course | online | 60 | 390 | Lumen Data School | intermediate | data-and-ai
Load, clean, analyse and chart data with Python and its data libraries.
T: Python; Python data libraries; data cleaning; data visualisation

Data Visualisation and Storytelling | online course | online | 25 | 290 | Brightpath Learning | intermediate | data-and-ai
Design honest charts and dashboards and present data as a story that leads to a decision.
T: data visualisation; dashboard design; data storytelling; business intelligence tools

AI Trainer Certificate | online course | online | 40 | 480 | Civic Digital College | beginner | data-and-ai
Label data, write annotation guidelines, rate AI answers and write prompts, with attention to bias and safety.
T: data labelling; annotation guidelines; AI output evaluation; prompt writing; AI ethics; generative AI tools

Machine Learning Engineering Bootcamp | bootcamp | online | 320 | 7500 | Kestrel Tech Bootcamps | advanced | data-and-ai
Build, evaluate and deploy machine-learning and deep-learning models, including language models.
T: machine learning; deep learning; feature engineering; model evaluation; MLOps; Python data libraries; natural language processing; LLM fine-tuning

Statistics for Data Science | online course | online | 50 | 350 | Open Skills Institute | intermediate | data-and-ai
The statistics behind analysis and experiments, with predictive models in R.
T: statistics; experimental design; predictive modelling; R programming

Data Engineering Bootcamp | bootcamp | online | 200 | 5200 | Kestrel Tech Bootcamps | intermediate | data-and-ai
Build data pipelines, warehouses and models on cloud platforms.
T: ETL pipelines; data modelling; data warehousing; big data processing; SQL; cloud computing; data quality management

Generative AI at Work | online course | online | 12 | 150 | Civic Digital College | beginner | data-and-ai
Use AI assistants safely and productively in everyday work: prompts, checking output, privacy and automation.
T: generative AI tools; prompt writing; AI ethics; workflow automation; data protection

MSc Data Science and AI | degree | blended | 1500 | 12000 | Meridian University | advanced | data-and-ai
A two-year part-time master's degree in statistics, machine learning, language technology and data governance.
T: machine learning; statistics; deep learning; natural language processing; data governance; experimental design; Python; big data processing

Software Development Bootcamp | bootcamp | blended | 480 | 8900 | Kestrel Tech Bootcamps | beginner | software-engineering
Sixteen weeks to become a junior full-stack developer, ending with a team project.
T: software development; JavaScript; HTML and CSS; version control; REST APIs; relational databases; unit testing; debugging

Front-End Development with Components | online course | online | 60 | 420 | Kestrel Tech Bootcamps | intermediate | software-engineering
Build accessible, component-based web interfaces in TypeScript.
T: front-end frameworks; TypeScript; front-end development; accessibility

Back-End Development with APIs | online course | online | 70 | 450 | Kestrel Tech Bootcamps | intermediate | software-engineering
Build server-side applications: APIs, databases, authentication and secure code.
T: back-end development; REST APIs; relational databases; secure coding; SQL

Mobile App Development Course | online course | online | 90 | 520 | Kestrel Tech Bootcamps | intermediate | software-engineering
Design, build, test and publish apps for phones and tablets.
T: mobile app development; accessibility; usability testing; unit testing; continuous integration and delivery

Software Testing and QA Automation | online course | online | 50 | 380 | Civic Digital College | beginner | software-engineering
From manual testing and good bug reports to automated tests that run in the pipeline.
T: software testing; test automation; bug tracking; unit testing; continuous integration and delivery; technical documentation

Software Architecture and Technical Leadership | in-person training | blended | 40 | 2200 | Northbridge Academy | advanced | software-engineering
For senior developers moving into a lead role: architecture, reviews, security and growing a team.
T: software architecture; technical leadership; code review; secure coding; coaching and mentoring

BSc Computer Science | degree | in-person | 4500 | 9000 | Meridian University | beginner | software-engineering
A three-year bachelor's degree covering programming, algorithms, databases, networks and software design.
T: software development; algorithms and data structures; object-oriented programming; relational databases; software architecture; networking fundamentals; Java; statistics

IT Support Fundamentals | online course | online | 80 | 350 | Civic Digital College | beginner | it-operations
Everything a first-line IT support technician does: devices, operating systems, networks and helping users.
T: technical support; troubleshooting; desktop operating systems; hardware installation; networking fundamentals; remote support tools; customer service

IT Service Management Essentials | online course | online | 20 | 300 | Open Skills Institute | beginner | it-operations
How IT services are run: requests, incidents, assets, service levels and device management.
T: IT service management; incident management; IT asset management; service level agreements; endpoint management

Linux and Cloud Administration | online course | online | 90 | 690 | Kestrel Tech Bootcamps | intermediate | it-operations
Administer Linux servers and virtual machines and move them to the cloud, with scripts to automate the work.
T: Linux administration; cloud computing; cloud administration; scripting; virtualisation; server administration

DevOps and Infrastructure as Code Bootcamp | bootcamp | online | 160 | 4200 | Kestrel Tech Bootcamps | advanced | it-operations
Containers, pipelines, infrastructure as code and monitoring for engineers who run cloud systems.
T: infrastructure as code; containerisation; continuous integration and delivery; system monitoring; cloud administration

Networking and Infrastructure Essentials | online course | online | 70 | 490 | Civic Digital College | intermediate | it-operations
Set up and run networks and servers safely: switching, routing, firewalls, monitoring and backups.
T: networking fundamentals; network administration; network security; backup and recovery; system monitoring

Cybersecurity Analyst Program | bootcamp | blended | 180 | 4600 | Northbridge Academy | intermediate | it-operations
Defend networks and systems: monitoring, incident response, vulnerabilities and access control.
T: cybersecurity fundamentals; network security; security incident response; vulnerability management; identity and access management; system monitoring

New Team Leader Program | leadership program | blended | 40 | 1900 | Atlas Leadership Centre | beginner | leadership
For people stepping up to lead a team: delegation, feedback, goals, coaching, conflict and planning shifts.
T: team leadership; delegation; giving feedback; goal setting; coaching and mentoring; conflict resolution; shift planning

Emotional Intelligence for Leaders | in-person training | in-person | 16 | 950 | Atlas Leadership Centre | intermediate | leadership
Understand and manage emotions, listen well and lead inclusively through difficult conversations.
T: emotional intelligence; empathy; active listening; conflict resolution; inclusive leadership

Manager Development Program | leadership program | blended | 80 | 3900 | Atlas Leadership Centre | intermediate | leadership
A nine-month program for managers of teams and departments: people, performance, metrics, budgets and change.
T: people management; performance management; KPI management; budgeting; change management; employee motivation; remote team management

Executive Leadership Program | leadership program | in-person | 100 | 12500 | Meridian Business School | advanced | leadership
For senior leaders: strategy, profit and loss, governance, crisis leadership and decisions at the top.
T: executive leadership; strategic planning; P&L management; corporate governance; crisis management; decision making

Leadership Mentoring Program | mentorship | blended | 30 | 1200 | Harbour Mentoring Network | intermediate | leadership
A year of monthly mentoring by an experienced executive for first- and second-line managers.
T: team leadership; coaching and mentoring; decision making; stakeholder communication; influencing; team building

Operations Management and Lean | online course | online | 40 | 650 | Open Skills Institute | intermediate | leadership
Design and improve operations with lean methods, quality management, metrics and cost control.
T: operations management; process improvement; quality management; KPI management; cost control

Bookkeeping and Accounting Basics | online course | online | 60 | 290 | Open Skills Institute | beginner | finance
Record transactions, manage payables and receivables, reconcile the bank and use accounting software.
T: bookkeeping; accounts payable; accounts receivable; bank reconciliation; accounting software; invoice processing; expense management

Payroll Administration Course | online course | online | 30 | 340 | Fernwood Training | beginner | finance
Run payroll correctly: gross to net, taxes, contributions, HR data and the legal rules.
T: payroll processing; taxation; employment law; HR information systems

Financial Modelling and FP&A | online course | online | 50 | 790 | Meridian Business School | intermediate | finance
Build budgets, forecasts and three-statement models and explain variances to managers.
T: financial modelling; financial forecasting; financial analysis; variance analysis; budgeting; spreadsheet modelling

Bachelor in Accounting and Finance | degree | in-person | 4000 | 7500 | Meridian University | beginner | finance
A three-year bachelor's degree in financial and management accounting, tax, audit and finance.
T: financial reporting; accounting standards; management accounting; taxation; auditing; financial analysis; regulatory compliance; month-end close

Finance for Non-Financial Managers | in-person training | in-person | 14 | 980 | Meridian Business School | beginner | finance
Budgets, costs, cash and variances explained for managers who own a budget.
T: budgeting; cost control; cash flow management; variance analysis; business acumen

Graphic Design Foundations | online course | online | 80 | 450 | Brightpath Learning | beginner | design
The foundations of visual design and the software to practise them.
T: graphic design; typography; layout and composition; colour theory; design software; photo editing; creativity

UX Design Bootcamp | bootcamp | blended | 300 | 6500 | Kestrel Tech Bootcamps | beginner | design
A career-change bootcamp in user experience design, from research to tested prototypes.
T: UX research; wireframing; prototyping; usability testing; interaction design; information architecture; design thinking; UI design

UI and Design Systems | online course | online | 40 | 420 | Kestrel Tech Bootcamps | intermediate | design
Design interface components, accessible patterns and the system that keeps them consistent.
T: UI design; design systems; accessibility; prototyping; UX writing

Brand Identity and Motion Design | online course | online | 50 | 520 | Brightpath Learning | intermediate | design
Design visual identities and bring them to life with illustration, motion and print.
T: branding and visual identity; motion graphics; illustration; print production

Design Career Mentorship | mentorship | online | 20 | 500 | Harbour Mentoring Network | intermediate | design
Mentoring by a senior designer on research, design practice, presenting work and working with stakeholders.
T: UX research; design thinking; presentation skills; stakeholder communication; customer journey mapping

Business Communication Skills | online course | online | 20 | 180 | Open Skills Institute | beginner | -
Write and speak clearly at work: emails, reports, presentations and updates for stakeholders.
T: written communication; presentation skills; stakeholder communication; active listening

Critical Thinking and Problem Solving | online course | online | 12 | 120 | Open Skills Institute | beginner | -
Structured ways to analyse problems, weigh evidence and make decisions.
T: critical thinking; problem solving; analytical thinking; decision making

Career Changer Mentorship | mentorship | online | 24 | 450 | Harbour Mentoring Network | beginner | -
Three months of mentoring for people changing career: learning fast, organising the move and staying resilient.
T: learning agility; adaptability; time management; planning and organising; stress management

Data Literacy for Everyone | online course | online | 10 | 90 | Lumen Data School | beginner | -
Read and question data and charts, use spreadsheets with confidence and handle personal data correctly.
T: data literacy; spreadsheets; data visualisation; data protection
"""
