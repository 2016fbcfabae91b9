# ruff: noqa: E501 -- one record a line reads better than wrapped tables
"""Fields and roles of the default taxonomy, as readable text (read by build_default_taxonomy.py).

Each role is a block of four lines, blocks separated by a blank line::

    preferred label | seniority 1-5 | alternative labels (;-separated)
    one-sentence description
    E: essential skills, by preferred label (;-separated)
    O: optional skills

Skills shared between roles create the career moves: roles of one ladder share most of
their skills; a bridge to another field shares a meaningful subset (say which in a
comment when you add one).
"""

# slug, preferred label, alternative labels, description
FIELDS = [
    (
        "digital-marketing",
        "digital marketing",
        "online marketing",
        "Promoting products and brands through search, social media, email, content and ads.",
    ),
    (
        "human-resources",
        "human resources",
        "HR; people operations",
        "Hiring, developing, paying and supporting the people of an organisation.",
    ),
    (
        "project-management",
        "project management",
        "project delivery",
        "Planning and delivering projects and programmes on time, in scope and on budget.",
    ),
    (
        "administration",
        "administration",
        "office administration work; office support",
        "Keeping offices and organisations running: scheduling, documents, records and services.",
    ),
    (
        "customer-facing",
        "customer service and sales",
        "customer-facing work; client-facing work; sales",
        "Serving, supporting, winning and keeping customers.",
    ),
    (
        "data-and-ai",
        "data and AI",
        "data; analytics; artificial intelligence",
        "Turning data into insight and building, training and evaluating AI systems.",
    ),
    (
        "software-engineering",
        "software engineering",
        "software development work; software",
        "Designing, building, testing and maintaining software.",
    ),
    (
        "it-operations",
        "IT operations",
        "IT; IT infrastructure; information technology",
        "Running and securing the computers, networks, cloud services and accounts people rely on.",
    ),
    (
        "leadership",
        "leadership and management",
        "leadership; management",
        "Leading people and running teams, departments and organisations.",
    ),
    (
        "finance",
        "finance and accounting",
        "finance; accounting",
        "Recording, reporting, planning and controlling an organisation's money.",
    ),
    (
        "design",
        "design",
        "graphic and UX design; creative design",
        "Visual communication and the design of digital products and user experiences.",
    ),
]

ROLES = {
    "administration": """
receptionist | 1 | front desk receptionist; front office assistant
Welcomes visitors and callers, manages the front desk and supports the office with simple administrative tasks.
E: reception duties; telephone etiquette; customer service; calendar management; correspondence management; office software; data entry; confidential information handling; active listening; customer orientation
O: event coordination; typing; remote collaboration tools; document management; digital literacy

data entry clerk | 1 | data entry operator; data processing clerk
Keys, checks and updates records in databases and spreadsheets accurately and on time.
E: data entry; typing; attention to detail; spreadsheets; office software; document management; confidential information handling; time management
O: data cleaning; data quality management; invoice processing; data protection; digital literacy

administrative assistant | 1 | admin assistant; office assistant; administrative officer
Supports a team or office with scheduling, correspondence, documents, records and meetings.
E: office software; calendar management; correspondence management; document management; data entry; minute taking; written communication; planning and organising; spreadsheets; time management; telephone etiquette; typing
O: social media marketing; content management systems; event coordination; workflow automation; generative AI tools; travel arrangement; teamwork; attention to detail

office administrator | 2 | office coordinator; administrator
Runs the administration of an office: purchasing, invoices, supplies, records and procedures.
E: office software; document management; correspondence management; calendar management; procurement; invoice processing; inventory management; planning and organising; written communication; spreadsheets; process documentation
O: facilities management; bookkeeping; workflow automation; data protection; vendor management

operations coordinator | 2 | business operations coordinator; operations assistant
Keeps day-to-day operations moving: schedules, suppliers, stock, procedures and simple reporting.
E: process documentation; spreadsheets; planning and organising; vendor management; inventory management; stakeholder communication; data entry; problem solving; project management software
O: workflow automation; process improvement; KPI management; status reporting; procurement

executive assistant | 3 | personal assistant; senior PA; executive PA
Manages an executive's diary, correspondence, travel, meetings and priorities, often as their right hand.
E: executive support; calendar management; correspondence management; travel arrangement; minute taking; confidential information handling; stakeholder communication; written communication; planning and organising; event coordination; office software; time management
O: project planning; presentation skills; business acumen; generative AI tools; emotional intelligence; intercultural communication

office manager | 3 | administration manager; facilities and office manager
Leads the office team and runs facilities, suppliers, budgets and administrative processes.
E: office management; facilities management; procurement; vendor management; budgeting; people management; process documentation; planning and organising; problem solving; data protection; stakeholder communication
O: HR administration; event coordination; workflow automation; cost control; team leadership
""",
    "digital-marketing": """
digital marketing assistant | 1 | marketing assistant; junior digital marketer; marketing coordinator
Supports the marketing team with social posts, emails, web updates, content calendars and reporting.
E: digital marketing fundamentals; social media marketing; content calendar planning; copywriting; content management systems; email marketing; written communication; spreadsheets; planning and organising
O: generative AI tools; SEO; video content creation; web analytics; office software; design software

social media coordinator | 2 | social media executive; social media specialist; social media manager
Plans, creates and publishes social media content, runs paid social campaigns and looks after the community.
E: social media marketing; content calendar planning; community management; copywriting; paid social advertising; video content creation; web analytics; creativity; written communication
O: influencer marketing; design software; generative AI tools; customer feedback analysis; prompt writing

SEO specialist | 2 | search engine optimisation specialist; SEO analyst; SEO executive
Improves a website's organic search visibility through keyword research, content, technical fixes and links.
E: SEO; keyword research; web analytics; content management systems; HTML and CSS; content marketing; copywriting; analytical thinking; spreadsheets
O: pay-per-click advertising; conversion rate optimisation; data analytics; A/B testing; generative AI tools

content marketing specialist | 2 | content marketer; content marketing executive; content creator
Plans and produces blog posts, newsletters, guides and videos that attract and convert the target audience.
E: content marketing; copywriting; SEO; content calendar planning; content management systems; email marketing; social media marketing; creativity; written communication
O: video content creation; UX writing; keyword research; prompt writing; brand management

digital marketing specialist | 2 | digital marketer; online marketing specialist; digital marketing executive
Runs campaigns across search, social, email and content, and measures and improves their results.
E: digital marketing fundamentals; SEO; pay-per-click advertising; social media marketing; email marketing; content marketing; web analytics; marketing campaign management; copywriting; A/B testing; spreadsheets
O: marketing automation; conversion rate optimisation; data visualisation; generative AI tools; paid social advertising; prompt writing

marketing analyst | 2 | digital marketing analyst; marketing data analyst; campaign analyst
Measures campaign and channel performance, segments customers and turns marketing data into recommendations.
E: marketing analytics; web analytics; data analytics; SQL; data visualisation; spreadsheet modelling; A/B testing; customer segmentation; data storytelling; statistics
O: Python; dashboard design; business intelligence tools; marketing automation; market research

digital marketing manager | 3 | online marketing manager; e-marketing manager; growth marketing manager
Sets the digital marketing plan and budget, leads the team and is accountable for channel results.
E: marketing strategy; marketing campaign management; digital marketing fundamentals; SEO; pay-per-click advertising; marketing analytics; budgeting; team leadership; stakeholder communication; content marketing; marketing automation; conversion rate optimisation
O: brand management; customer segmentation; vendor management; people management; A/B testing; market research

head of digital marketing | 4 | digital marketing director; head of growth; director of digital marketing
Owns the digital marketing strategy, budget and team, and reports results to the leadership team.
E: marketing strategy; brand management; budgeting; people management; team leadership; marketing analytics; stakeholder management; strategic planning; KPI management; customer segmentation; decision making
O: P&L management; change management; vendor management; business acumen; market research
""",
    "human-resources": """
HR assistant | 1 | human resources assistant; people operations assistant; HR administrator
Keeps employee records, contracts and HR systems up to date and supports hiring and onboarding.
E: HR administration; HR information systems; data entry; document management; confidential information handling; office software; correspondence management; calendar management; onboarding; written communication
O: recruitment; applicant tracking systems; payroll processing; employment law; spreadsheets

HR coordinator | 2 | human resources coordinator; people operations coordinator
Coordinates hiring, onboarding and HR processes and keeps HR data and systems in order.
E: HR administration; HR information systems; onboarding; recruitment; applicant tracking systems; employment law; spreadsheets; planning and organising; stakeholder communication; confidential information handling; interviewing techniques
O: people analytics; employee engagement; training delivery; data visualisation; workflow automation; data protection

recruiter | 2 | talent acquisition specialist; recruitment consultant; talent sourcer
Finds, screens and interviews candidates and guides hiring managers and candidates to an offer.
E: recruitment; candidate sourcing; candidate screening; interviewing techniques; applicant tracking systems; employer branding; negotiation; stakeholder communication; active listening
O: AI-driven recruitment; social media marketing; diversity and inclusion; CRM software; people analytics; sales techniques

HR generalist | 3 | HR officer; human resources generalist; HR advisor
Handles the whole range of HR work: hiring, onboarding, employee relations, policies, pay and performance.
E: employment law; employee relations; recruitment; onboarding; performance management; HR administration; HR information systems; compensation and benefits; HR policy development; conflict resolution; confidential information handling; stakeholder communication
O: people analytics; learning needs analysis; employee engagement; payroll processing; diversity and inclusion; change management; professional ethics

HR analyst | 3 | people analytics analyst; HR data analyst; workforce analyst
Analyses HR data on headcount, turnover, pay and engagement and builds reports that guide people decisions.
E: people analytics; HR information systems; data analytics; spreadsheet modelling; data visualisation; SQL; data cleaning; workforce planning; compensation and benefits; data protection; data storytelling
O: statistics; dashboard design; Python; business intelligence tools; employee engagement; spreadsheets

training coordinator | 2 | learning coordinator; L&D coordinator; training administrator
Organises training sessions and onboarding programmes: schedules, venues, trainers, materials and records.
E: training delivery; onboarding; event coordination; calendar management; HR administration; planning and organising; presentation skills; written communication; stakeholder communication
O: learning needs analysis; instructional design; content management systems; HR information systems; generative AI tools; remote collaboration tools

learning and development specialist | 3 | L&D specialist; training specialist; learning specialist
Finds skill gaps, designs training and runs learning programmes for employees.
E: learning needs analysis; instructional design; training delivery; presentation skills; coaching and mentoring; stakeholder communication; project planning; written communication; onboarding
O: generative AI tools; video content creation; people analytics; content management systems; meeting facilitation

talent acquisition manager | 4 | recruitment manager; head of recruitment; head of talent acquisition
Leads the recruitment team and strategy, plans hiring with the business and owns hiring metrics and tools.
E: recruitment; candidate sourcing; employer branding; AI-driven recruitment; applicant tracking systems; workforce planning; people management; stakeholder management; budgeting; interviewing techniques; KPI management
O: people analytics; diversity and inclusion; vendor management; negotiation; team leadership

HR business partner | 4 | HRBP; senior HR business partner; strategic HR partner
Advises business leaders on organisation, talent, performance and change, and turns strategy into people plans.
E: HR strategy; organisational development; employee relations; performance management; workforce planning; change management; employment law; coaching and mentoring; stakeholder management; business acumen; people analytics; influencing
O: compensation and benefits; diversity and inclusion; conflict resolution; strategic planning; data storytelling

HR director | 5 | head of people; chief people officer; people director
Leads the HR function and sets the people strategy, culture, reward and organisation design.
E: HR strategy; organisational development; strategic planning; executive leadership; change management; employment law; compensation and benefits; budgeting; stakeholder management; diversity and inclusion; people management
O: corporate governance; crisis management; people analytics; influencing; inclusive leadership; intercultural communication
""",
    "project-management": """
project administrator | 1 | project support officer; PMO assistant; project office administrator
Supports project teams with plans, schedules, documents, meeting notes and status reports.
E: project documentation; status reporting; project management software; minute taking; calendar management; office software; document management; spreadsheets; planning and organising
O: project scheduling; data entry; meeting facilitation; workflow automation; time management

project coordinator | 2 | project officer; project assistant; project controller
Coordinates the day-to-day running of projects: plans, schedules, meetings, reports and follow-ups.
E: project planning; project scheduling; project management software; status reporting; project documentation; stakeholder communication; meeting facilitation; planning and organising; minute taking; time management
O: agile methodologies; Kanban; budgeting; project risk management; vendor management; spreadsheets

project manager | 3 | PM; delivery manager; project lead
Plans, leads and delivers projects to agreed scope, time, budget and quality, keeping stakeholders aligned.
E: project planning; project scheduling; project lifecycle management; project risk management; scope management; resource planning; stakeholder management; stakeholder communication; budgeting; status reporting; team leadership; agile methodologies
O: requirements gathering; vendor management; change management; quality management; negotiation; conflict resolution; business case development; Scrum

scrum master | 3 | agile delivery lead; agile team facilitator
Helps an agile team work well: runs Scrum events, removes impediments and coaches the team and stakeholders.
E: Scrum; agile methodologies; Kanban; meeting facilitation; coaching and mentoring; conflict resolution; project management software; stakeholder communication; process improvement; team building
O: requirements gathering; emotional intelligence; change management; KPI management; status reporting

senior project manager | 4 | lead project manager; principal project manager
Delivers large or complex projects, manages budgets and suppliers and mentors other project managers.
E: project lifecycle management; project risk management; stakeholder management; budgeting; scope management; resource planning; vendor management; team leadership; negotiation; business case development; earned value management; change management
O: programme management; contract negotiation; quality management; strategic planning; coaching and mentoring

programme manager | 4 | program manager; programme delivery manager
Coordinates a group of related projects so that together they deliver the intended business benefits.
E: programme management; stakeholder management; business case development; project risk management; budgeting; resource planning; change management; strategic planning; people management; influencing; KPI management
O: portfolio management; corporate governance; earned value management; vendor management; P&L management; cross-functional collaboration

head of PMO | 5 | PMO director; head of project management office; portfolio director
Runs the project management office: portfolio, methods, governance and the project management community.
E: portfolio management; programme management; project lifecycle management; strategic planning; people management; budgeting; stakeholder management; process improvement; quality management; corporate governance
O: change management; coaching and mentoring; regulatory compliance; business acumen; decision making
""",
    "customer-facing": """
customer service representative | 1 | customer service agent; customer service advisor; call centre agent; contact centre agent
Answers customers by phone, email and chat, resolves their questions and complaints and records every case.
E: customer service; complaint handling; de-escalation; CRM software; ticketing systems; product knowledge; active listening; empathy; customer orientation; telephone etiquette; data entry
O: live chat support; upselling and cross-selling; knowledge base writing; customer feedback analysis; spreadsheets; stress management

sales development representative | 1 | SDR; business development representative; inside sales representative
Finds and qualifies new prospects by phone, email and social selling and books meetings for account executives.
E: lead generation; cold calling; CRM software; sales techniques; customer needs analysis; written communication; active listening; customer orientation; stress management; product knowledge
O: email marketing; negotiation; sales pipeline management; social media marketing; generative AI tools

customer support specialist | 2 | technical customer support specialist; support specialist; second-line support agent
Solves harder customer problems, often technical, writes help articles and feeds product issues back to the team.
E: customer service; ticketing systems; troubleshooting; product knowledge; knowledge base writing; complaint handling; CRM software; service level agreements; written communication; problem solving
O: technical support; live chat support; customer feedback analysis; SQL; de-escalation; remote support tools

account executive | 2 | sales executive; sales representative; business development executive
Runs the sales cycle from qualified lead to signed contract: discovery, demos, proposals and negotiation.
E: sales techniques; consultative selling; product demonstrations; sales pipeline management; CRM software; negotiation; contract negotiation; customer needs analysis; lead generation; presentation skills
O: sales forecasting; account management; business acumen; influencing; market research

account manager | 3 | key account manager; client relationship manager
Looks after existing customers, renews and grows their contracts and is their main point of contact.
E: account management; upselling and cross-selling; customer retention; contract negotiation; CRM software; customer needs analysis; stakeholder communication; sales forecasting; negotiation; business acumen
O: customer success management; customer onboarding; presentation skills; customer feedback analysis; project planning; intercultural communication

customer success manager | 3 | client success manager; CSM; customer success specialist
Makes sure customers adopt the product and reach their goals, so that they renew and grow.
E: customer success management; customer onboarding; customer retention; account management; product knowledge; CRM software; stakeholder communication; customer feedback analysis; upselling and cross-selling; problem solving; empathy
O: data analytics; training delivery; project planning; customer journey mapping; SQL; knowledge base writing; technical support; troubleshooting

customer service team leader | 3 | contact centre team leader; customer support team lead; service desk team leader
Leads a team of customer service agents on the floor: coaching, rotas, queue targets and escalated cases.
E: customer service; team leadership; shift planning; coaching and mentoring; KPI management; complaint handling; de-escalation; service level agreements; giving feedback; CRM software
O: ticketing systems; conflict resolution; customer feedback analysis; people management; process improvement; stress management

customer service manager | 4 | customer care manager; contact centre manager; head of customer service
Leads the customer service team, sets service levels and improves processes, staffing and quality.
E: customer service; service level agreements; people management; team leadership; KPI management; shift planning; complaint handling; coaching and mentoring; customer feedback analysis; process improvement; budgeting
O: workforce planning; customer journey mapping; data visualisation; change management; ticketing systems; CRM software

sales manager | 4 | head of sales; regional sales manager; sales team manager
Leads and coaches a sales team, sets targets and forecasts, and closes key deals.
E: sales techniques; sales forecasting; sales pipeline management; people management; team leadership; coaching and mentoring; KPI management; CRM software; contract negotiation; goal setting; business acumen
O: P&L management; strategic planning; account management; market research; customer segmentation; data visualisation
""",
    "data-and-ai": """
junior data analyst | 1 | data analyst trainee; reporting analyst; junior business analyst
Prepares data, builds standard reports and charts and answers simple questions with SQL and spreadsheets.
E: spreadsheets; spreadsheet modelling; SQL; data cleaning; data visualisation; data literacy; attention to detail; analytical thinking; business intelligence tools
O: Python; statistics; data entry; dashboard design; written communication

data analyst | 2 | business data analyst; analytics specialist; BI analyst
Collects, cleans and analyses data, builds dashboards and explains what the numbers mean for the business.
E: data analytics; SQL; data visualisation; spreadsheet modelling; data cleaning; statistics; dashboard design; business intelligence tools; data storytelling; analytical thinking; attention to detail; stakeholder communication
O: Python; Python data libraries; data modelling; A/B testing; experimental design; generative AI tools; data quality management; R programming

AI trainer | 2 | AI data trainer; AI model trainer; LLM trainer; AI annotation specialist
Creates and checks the training and evaluation data that teaches AI models: labels, rated answers and prompts.
E: data labelling; annotation guidelines; AI output evaluation; prompt writing; generative AI tools; attention to detail; written communication; data quality management; critical thinking; AI ethics
O: Python; data analytics; natural language processing; spreadsheets; statistics; SQL; machine learning

senior data analyst | 3 | lead data analyst; principal data analyst
Leads complex analyses and experiments, sets data definitions and mentors other analysts.
E: data analytics; SQL; statistics; data modelling; dashboard design; data storytelling; experimental design; stakeholder communication; Python; data visualisation; Python data libraries
O: predictive modelling; data governance; coaching and mentoring; business acumen; R programming; A/B testing

data scientist | 3 | applied data scientist; data science specialist
Builds statistical and machine-learning models that predict, classify and explain, and tests them with experiments.
E: statistics; machine learning; Python; Python data libraries; SQL; predictive modelling; experimental design; feature engineering; model evaluation; data visualisation; data storytelling
O: R programming; deep learning; natural language processing; big data processing; A/B testing; business acumen

data engineer | 3 | big data engineer; analytics engineer; data pipeline engineer
Builds and runs the pipelines, warehouses and models that deliver reliable data to analysts and applications.
E: SQL; Python; ETL pipelines; data modelling; data warehousing; big data processing; relational databases; version control; data quality management; cloud computing
O: data governance; containerisation; infrastructure as code; continuous integration and delivery; scripting; MLOps

machine-learning engineer | 3 | machine learning engineer; ML engineer; AI engineer
Builds, trains, evaluates and deploys machine-learning models and keeps them working in production.
E: machine learning; Python; Python data libraries; model evaluation; feature engineering; MLOps; deep learning; software development; version control; SQL; statistics; data cleaning
O: natural language processing; LLM fine-tuning; cloud computing; containerisation; AI output evaluation; data labelling; prompt writing; AI ethics

analytics manager | 4 | data analytics manager; BI manager; head of analytics
Leads a team of analysts, sets reporting standards and makes sure analysis drives decisions.
E: data analytics; dashboard design; business intelligence tools; data storytelling; people management; stakeholder management; data governance; KPI management; SQL; statistics; team leadership
O: experimental design; predictive modelling; budgeting; coaching and mentoring; data warehousing

head of data | 5 | chief data officer; data and analytics director; head of data and AI
Sets the data and AI strategy, governance and investment and leads the data teams.
E: data governance; strategic planning; people management; team leadership; machine learning; data analytics; stakeholder management; budgeting; AI ethics; data protection; business acumen
O: executive leadership; change management; MLOps; data warehousing; regulatory compliance; cross-functional collaboration
""",
    "software-engineering": """
junior software developer | 1 | junior developer; graduate software engineer; trainee programmer
Writes and tests well-defined pieces of code under guidance and learns the team's codebase and tools.
E: software development; version control; debugging; HTML and CSS; JavaScript; unit testing; problem solving; object-oriented programming; learning agility
O: SQL; Python; REST APIs; agile methodologies; technical documentation; teamwork

QA tester | 1 | software tester; quality assurance tester; QA analyst
Tests software against requirements, reports defects clearly and checks that fixes work.
E: software testing; bug tracking; attention to detail; technical documentation; analytical thinking; problem solving; written communication; agile methodologies
O: test automation; SQL; version control; troubleshooting; product knowledge; REST APIs

software developer | 2 | software engineer; programmer; application developer
Designs, writes, tests and maintains application code and services as part of a development team.
E: software development; back-end development; object-oriented programming; version control; debugging; unit testing; REST APIs; relational databases; code review; algorithms and data structures; agile methodologies
O: Java; Python; JavaScript; TypeScript; continuous integration and delivery; secure coding; SQL; containerisation

front-end developer | 2 | frontend developer; web developer; UI developer
Builds accessible, fast web interfaces in the browser from designs and APIs.
E: front-end development; JavaScript; TypeScript; HTML and CSS; front-end frameworks; version control; accessibility; REST APIs; debugging
O: UI design; usability testing; design systems; unit testing; test automation; SEO

test automation engineer | 2 | QA automation engineer; software development engineer in test; SDET
Automates functional and regression tests and runs them in the delivery pipeline.
E: test automation; software testing; unit testing; continuous integration and delivery; version control; bug tracking; JavaScript; debugging; REST APIs; quality management
O: Java; Python; secure coding; containerisation; agile methodologies

mobile app developer | 2 | mobile developer; iOS developer; Android developer
Builds and releases applications for phones and tablets.
E: mobile app development; software development; object-oriented programming; REST APIs; version control; debugging; unit testing
O: Java; TypeScript; UI design; accessibility; continuous integration and delivery; usability testing

senior software developer | 3 | senior software engineer; senior developer
Designs and builds larger parts of systems, reviews code and mentors other developers.
E: software development; software architecture; code review; object-oriented programming; algorithms and data structures; REST APIs; relational databases; continuous integration and delivery; secure coding; unit testing; version control; coaching and mentoring
O: cloud computing; containerisation; technical leadership; Java; TypeScript; Python; stakeholder communication

lead software engineer | 4 | tech lead; technical lead; lead developer
Leads a development team's technical direction, architecture and standards while still writing code.
E: technical leadership; software architecture; code review; software development; coaching and mentoring; agile methodologies; stakeholder communication; continuous integration and delivery; secure coding; requirements gathering; decision making
O: cloud computing; project planning; people management; technical documentation; Scrum; infrastructure as code

engineering manager | 5 | software engineering manager; head of engineering; development manager
Leads software teams: hiring, growth, delivery and the technical health of their systems.
E: people management; team leadership; technical leadership; agile methodologies; project planning; stakeholder management; coaching and mentoring; goal setting; software architecture; giving feedback; recruitment
O: budgeting; strategic planning; change management; interviewing techniques; Scrum; software development
""",
    "it-operations": """
IT support technician | 1 | technical support technician; help desk technician; IT helpdesk analyst; first-line support technician
Helps colleagues with computers, accounts, software and devices, in person, by phone and remotely.
E: technical support; troubleshooting; desktop operating systems; hardware installation; remote support tools; ticketing systems; customer service; identity and access management; active listening; written communication
O: networking fundamentals; scripting; IT asset management; endpoint management; IT service management; knowledge base writing

IT support specialist | 2 | second-line support engineer; desktop support engineer; service desk analyst
Resolves escalated IT problems, manages devices and accounts and improves support processes.
E: technical support; troubleshooting; endpoint management; identity and access management; IT service management; incident management; networking fundamentals; desktop operating systems; ticketing systems; scripting; IT asset management
O: cybersecurity fundamentals; cloud computing; workflow automation; virtualisation; backup and recovery; customer service

system administrator | 3 | sysadmin; systems administrator; infrastructure administrator
Installs, runs, secures and backs up servers and the services that run on them.
E: server administration; Linux administration; virtualisation; backup and recovery; system monitoring; scripting; networking fundamentals; identity and access management; incident management; cybersecurity fundamentals; troubleshooting
O: cloud administration; infrastructure as code; containerisation; IT service management; technical documentation

network administrator | 3 | network engineer; network support engineer
Designs, configures and monitors the organisation's wired and wireless networks and keeps them secure.
E: network administration; networking fundamentals; network security; troubleshooting; system monitoring; incident management; cybersecurity fundamentals; technical documentation; scripting
O: cloud computing; virtualisation; vulnerability management; IT service management; vendor management

cloud engineer | 3 | cloud infrastructure engineer; platform engineer; DevOps engineer
Builds and runs cloud infrastructure as code, with automated deployment, monitoring and security.
E: cloud computing; cloud administration; infrastructure as code; containerisation; Linux administration; scripting; continuous integration and delivery; system monitoring; network security; version control; identity and access management
O: Python; software development; MLOps; cost control; incident management

cybersecurity analyst | 3 | information security analyst; security analyst; SOC analyst
Monitors systems for threats, investigates and responds to incidents and gets vulnerabilities fixed.
E: cybersecurity fundamentals; security incident response; vulnerability management; network security; system monitoring; identity and access management; networking fundamentals; incident management; regulatory compliance; analytical thinking; attention to detail
O: scripting; Linux administration; data protection; secure coding; auditing; cloud computing

IT manager | 4 | IT operations manager; head of IT; IT services manager
Leads the IT team, services, suppliers and budget so that people and systems keep working securely.
E: IT service management; people management; team leadership; budgeting; vendor management; cybersecurity fundamentals; IT asset management; project planning; stakeholder communication; incident management
O: cloud computing; strategic planning; change management; data protection; contract negotiation; KPI management
""",
    "leadership": """
shift supervisor | 1 | shift lead; floor supervisor; shift manager
Runs a shift: allocates people and tasks, solves problems on the spot and hands over to the next shift.
E: shift planning; giving feedback; delegation; customer orientation; problem solving; time management; conflict resolution; attention to detail
O: KPI management; coaching and mentoring; inventory management; de-escalation; stress management; teamwork

team leader | 2 | team lead; supervisor; team supervisor
Leads a small team day to day: plans the work, sets goals, coaches people and handles problems.
E: team leadership; delegation; giving feedback; goal setting; shift planning; coaching and mentoring; conflict resolution; stakeholder communication; planning and organising; decision making; emotional intelligence
O: people management; KPI management; performance management; remote team management; employee motivation; project planning

department manager | 3 | section manager; line manager; unit manager
Manages a department through its team leaders: people, budget, targets and improvement.
E: people management; team leadership; budgeting; performance management; goal setting; KPI management; delegation; stakeholder management; decision making; coaching and mentoring; change management
O: strategic planning; workforce planning; process improvement; inclusive leadership; remote team management; employment law

operations manager | 3 | business operations manager; operations lead
Runs the processes, people and suppliers that deliver the organisation's service, and improves cost and quality.
E: operations management; process improvement; KPI management; budgeting; cost control; people management; vendor management; planning and organising; problem solving; decision making; stakeholder management
O: project planning; workflow automation; inventory management; data analytics; quality management; change management

general manager | 4 | business unit manager; country manager; site director
Runs a business unit or site with full responsibility for its results, people and strategy.
E: P&L management; strategic planning; operations management; people management; budgeting; stakeholder management; business acumen; decision making; change management; KPI management; negotiation
O: executive leadership; crisis management; marketing strategy; financial analysis; corporate governance; sales forecasting

chief operating officer | 5 | COO; operations director; director of operations
Leads the operations of the whole organisation as part of the executive team.
E: executive leadership; strategic planning; operations management; P&L management; corporate governance; change management; crisis management; stakeholder management; decision making; business acumen; influencing
O: financial analysis; regulatory compliance; process improvement; portfolio management; inclusive leadership; intercultural communication
""",
    "finance": """
accounts assistant | 1 | finance assistant; accounting clerk; accounts clerk
Processes invoices, payments, expenses and reconciliations and keeps the ledgers up to date.
E: bookkeeping; accounts payable; accounts receivable; invoice processing; bank reconciliation; accounting software; data entry; spreadsheets; attention to detail; expense management
O: payroll processing; office software; month-end close; correspondence management; confidential information handling

payroll specialist | 2 | payroll administrator; payroll officer; payroll clerk
Runs payroll accurately and on time, handles deductions and answers employees' pay questions.
E: payroll processing; HR information systems; employment law; taxation; accounting software; spreadsheets; confidential information handling; attention to detail; data protection
O: compensation and benefits; HR administration; bank reconciliation; workflow automation; month-end close

bookkeeper | 2 | bookkeeping officer; ledger keeper
Keeps a business's books complete and correct, from invoices and payments to VAT returns and month-end.
E: bookkeeping; accounts payable; accounts receivable; bank reconciliation; accounting software; month-end close; taxation; spreadsheets; attention to detail; invoice processing
O: payroll processing; financial reporting; cash flow management; expense management; budgeting

accountant | 3 | staff accountant; general ledger accountant; financial accountant
Prepares financial statements, closes the books, handles tax and supports audits.
E: financial reporting; accounting standards; month-end close; bookkeeping; taxation; bank reconciliation; accounting software; spreadsheet modelling; management accounting; auditing; attention to detail
O: variance analysis; budgeting; financial analysis; cash flow management; regulatory compliance; professional ethics

financial analyst | 3 | FP&A analyst; finance analyst; business finance analyst
Builds budgets, forecasts and financial models and analyses performance to support business decisions.
E: financial analysis; financial modelling; financial forecasting; budgeting; variance analysis; spreadsheet modelling; data analytics; data visualisation; business acumen; stakeholder communication; management accounting
O: SQL; business intelligence tools; dashboard design; Python; financial reporting; data storytelling

finance manager | 4 | financial controller; finance lead; head of finance
Leads the finance team and owns reporting, budgets, cash and controls.
E: financial reporting; budgeting; cash flow management; financial forecasting; management accounting; variance analysis; people management; team leadership; regulatory compliance; accounting standards; cost control; stakeholder management
O: taxation; auditing; P&L management; strategic planning; financial modelling; process improvement

finance director | 5 | chief financial officer; CFO; director of finance
Sets financial strategy, leads finance and advises the board on investment, risk and performance.
E: strategic planning; financial analysis; corporate governance; P&L management; executive leadership; cash flow management; financial reporting; regulatory compliance; stakeholder management; business acumen; decision making
O: taxation; change management; crisis management; portfolio management; negotiation; auditing
""",
    "design": """
junior graphic designer | 1 | junior designer; design assistant; junior visual designer
Produces layouts, social graphics and adapted artwork under a senior designer's direction.
E: graphic design; design software; typography; layout and composition; colour theory; photo editing; creativity; attention to detail
O: print production; illustration; social media marketing; video content creation; UI design

graphic designer | 2 | visual designer; communication designer
Designs visual communication for print and digital: brand materials, campaigns, publications and illustrations.
E: graphic design; design software; typography; layout and composition; colour theory; branding and visual identity; illustration; print production; photo editing; creativity
O: motion graphics; UI design; video content creation; content marketing; presentation skills; generative AI tools

UI designer | 2 | user interface designer; visual UI designer; digital designer
Designs the screens, components and visual style of apps and websites.
E: UI design; design software; typography; colour theory; layout and composition; design systems; prototyping; wireframing; accessibility; interaction design
O: HTML and CSS; motion graphics; usability testing; branding and visual identity; UX writing

UX designer | 3 | user experience designer; product designer; UX/UI designer
Researches users and designs flows, wireframes and prototypes that make products easy and useful.
E: UX research; wireframing; prototyping; usability testing; interaction design; information architecture; design thinking; UI design; accessibility; customer journey mapping; stakeholder communication; empathy
O: UX writing; design systems; A/B testing; data analytics; HTML and CSS; requirements gathering; meeting facilitation

UX researcher | 3 | user researcher; design researcher
Plans and runs interviews, usability tests and surveys and turns findings into product decisions.
E: UX research; usability testing; interviewing techniques; customer journey mapping; design thinking; analytical thinking; empathy; presentation skills; active listening
O: statistics; experimental design; A/B testing; customer feedback analysis; data storytelling; meeting facilitation

design lead | 4 | head of design; design manager; lead product designer
Leads a design team, its practices and design system, and represents design with product and leadership.
E: design systems; UX research; UI design; design thinking; team leadership; people management; stakeholder management; coaching and mentoring; accessibility; interaction design; presentation skills
O: strategic planning; branding and visual identity; budgeting; giving feedback; UX writing; project planning
""",
}
