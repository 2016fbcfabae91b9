# ruff: noqa: E501 -- one record a line reads better than wrapped tables
"""Skills of the default taxonomy, as readable tables (read by build_default_taxonomy.py).

Each block belongs to a field (None: transversal, no field) and a skill group.  One skill a
line: ``label | alternative labels (;-separated) | type | typical hours to learn | description``.
Types: S = skill/competence, K = knowledge, T = transversal.  The URI slug is made from
the label, so keep labels stable once published.
"""

SKILL_BLOCKS = [
    (
        "digital-marketing",
        "marketing skills",
        """
SEO | search engine optimisation; search engine optimization | S | 60 | Improve how a website ranks in organic search results through content, structure and links.
keyword research | search keyword analysis | S | 15 | Find the search terms a target audience uses and judge their volume and competition.
content marketing | | S | 50 | Plan, produce and distribute useful content that attracts and keeps a defined audience.
copywriting | marketing copy; ad copywriting | S | 40 | Write persuasive text for ads, web pages, emails and campaigns.
social media marketing | social media management | S | 40 | Grow and engage an audience on social networks with organic and planned posts.
content calendar planning | editorial calendar | S | 15 | Plan what content is published where and when, and keep the calendar running.
community management | online community management | S | 25 | Moderate and animate an online community and answer its members.
email marketing | newsletter marketing | S | 30 | Build lists, write and send email campaigns and measure opens, clicks and conversions.
marketing automation | automated marketing journeys | S | 40 | Set up automated, triggered campaigns and lead nurturing in a marketing automation platform.
pay-per-click advertising | PPC; search engine advertising; SEA | S | 45 | Run and optimise paid search campaigns: keywords, bids, ads and budgets.
paid social advertising | social media advertising; paid social | S | 35 | Target, run and optimise paid campaigns on social networks.
web analytics | website analytics; digital analytics | S | 40 | Track and interpret website and campaign traffic, funnels and conversions.
marketing analytics | campaign performance analysis | S | 50 | Measure marketing results across channels, attribute conversions and report return on spend.
A/B testing | split testing | S | 25 | Design and read controlled experiments that compare two versions of a page, email or ad.
conversion rate optimisation | CRO; conversion optimization | S | 40 | Raise the share of visitors who act, using analytics, testing and user insight.
content management systems | CMS; website content management | S | 20 | Create, edit and publish web content in a content management system.
marketing campaign management | campaign management | S | 40 | Plan, run and evaluate multichannel marketing campaigns against objectives and budget.
marketing strategy | | K | 60 | Choose markets, positioning, channels and budgets that serve business goals.
brand management | brand strategy | K | 50 | Build and protect a brand's positioning, identity and reputation over time.
digital marketing fundamentals | online marketing basics | K | 30 | The channels, metrics and vocabulary of digital marketing and how they fit together.
market research | | S | 40 | Gather and analyse information about markets, competitors and customers.
customer segmentation | audience segmentation | S | 30 | Divide customers into groups with shared needs or behaviour to target them better.
influencer marketing | creator partnerships | S | 20 | Find, brief and evaluate influencers and creators who promote a brand.
video content creation | short-form video production | S | 40 | Plan, film and edit short videos for social media and the web.
""",
    ),
    (
        "human-resources",
        "HR skills",
        """
recruitment | recruiting; talent acquisition | S | 50 | Attract, select and hire candidates for open positions.
candidate screening | CV screening; resume screening | S | 20 | Review applications against role criteria and shortlist candidates.
interviewing techniques | structured interviewing; competency-based interviewing | S | 20 | Prepare and conduct fair, structured interviews and assess the answers.
AI-driven recruitment | AI in recruiting; AI-assisted hiring | S | 30 | Use AI tools for sourcing, screening and matching candidates, and check them for bias.
applicant tracking systems | ATS | S | 15 | Manage vacancies, candidates and hiring stages in an applicant tracking system.
candidate sourcing | talent sourcing; headhunting | S | 25 | Search job boards, networks and databases to find passive and active candidates.
employment law | labour law; labor law | K | 60 | The rules on contracts, working time, dismissal, discrimination and employee rights.
onboarding | employee onboarding | S | 20 | Plan and run the first weeks of new employees so they become productive and stay.
HR administration | personnel administration | S | 25 | Keep employee records, contracts, absences and HR paperwork accurate and up to date.
HR information systems | HRIS; HR software | S | 25 | Use and maintain the system that holds employee data, absences and HR workflows.
employee relations | | S | 40 | Handle grievances, disciplinary cases and the relationship between staff and the employer.
performance management | performance reviews | S | 40 | Set objectives, run reviews and follow up on employee performance.
compensation and benefits | reward management; comp and ben | K | 50 | Design and run pay structures, bonuses and benefits that are fair and competitive.
workforce planning | headcount planning | S | 40 | Forecast the people and skills an organisation will need and plan how to get them.
people analytics | HR analytics; workforce analytics | S | 60 | Analyse HR data such as turnover, engagement and hiring to inform people decisions.
learning needs analysis | training needs analysis | S | 30 | Find which skills people lack and which training would close the gap.
training delivery | training facilitation | S | 40 | Run engaging training sessions for groups, in person or online.
instructional design | learning design; e-learning design | S | 60 | Design courses and learning materials that meet defined learning objectives.
employer branding | | S | 25 | Present the organisation as an attractive employer to candidates and staff.
diversity and inclusion | DEI; equity and inclusion | K | 20 | Practices that make hiring and the workplace fair and inclusive for everyone.
organisational development | organizational development; OD | K | 60 | Improve how an organisation is structured, led and able to change.
HR policy development | HR policies | S | 30 | Write and update HR policies that comply with the law and fit the organisation.
employee engagement | engagement surveys | S | 25 | Measure and improve how committed and motivated employees are.
HR strategy | people strategy | K | 60 | Align people practices, structure and culture with the organisation's strategy.
""",
    ),
    (
        "project-management",
        "project management skills",
        """
project planning | project plans; work breakdown structure | S | 40 | Break a project into tasks, estimate them and arrange them into a realistic plan.
project scheduling | Gantt charts; timeline planning | S | 25 | Build and maintain a project schedule with dependencies and milestones.
project lifecycle management | project management methods; project management methodology | K | 40 | The phases, roles and controls of managing a project from initiation to closure.
agile methodologies | agile; agile project management | K | 30 | The values and practices of iterative, incremental delivery.
Scrum | Scrum framework | S | 25 | Run sprints, backlog refinement, reviews and retrospectives in a Scrum team.
Kanban | Kanban boards | S | 10 | Visualise work, limit work in progress and improve flow with a Kanban board.
project risk management | risk management; risk register | S | 40 | Identify, assess and mitigate the risks of a project and track them in a register.
scope management | scope control | S | 20 | Define what a project delivers and control changes to it.
resource planning | resource allocation; capacity planning | S | 25 | Match people and budget to project work and avoid overload.
requirements gathering | requirements elicitation; requirements analysis | S | 30 | Find out, document and agree what stakeholders need a solution to do.
stakeholder management | stakeholder engagement | S | 30 | Identify stakeholders, understand their interests and keep them engaged and aligned.
project management software | PM tools; project tracking tools | S | 15 | Use a project management tool for tasks, boards, timelines and reporting.
status reporting | project reporting | S | 10 | Report progress, issues and forecasts to sponsors and teams clearly and regularly.
project documentation | project records | S | 15 | Keep project charters, plans, decisions and logs complete and findable.
meeting facilitation | workshop facilitation | S | 15 | Prepare and lead meetings and workshops that reach decisions.
vendor management | supplier management | S | 30 | Select, contract and manage external suppliers against agreed terms.
quality management | quality assurance processes | S | 40 | Define quality criteria and check deliverables against them.
process improvement | continuous improvement; lean methods | S | 40 | Analyse processes, remove waste and measure the effect of changes.
programme management | program management | K | 60 | Coordinate several related projects towards shared benefits.
portfolio management | project portfolio management | K | 60 | Choose, prioritise and balance projects across an organisation.
earned value management | EVM | K | 20 | Measure project cost and schedule performance against the plan.
business case development | business case writing | S | 25 | Argue for an investment with costs, benefits, options and risks.
""",
    ),
    (
        "administration",
        "administrative skills",
        """
office software | office productivity suite; word processing | S | 20 | Produce documents, spreadsheets and slides with an office productivity suite.
calendar management | diary management; appointment scheduling | S | 10 | Organise calendars, book meetings and resolve scheduling conflicts.
correspondence management | email management; inbox management | S | 10 | Sort, answer and route letters and emails promptly and professionally.
document management | filing; records management | S | 15 | File, name, version and archive documents so they can be found and kept safe.
data entry | | S | 10 | Key and check data into systems quickly and accurately.
typing | touch typing | S | 20 | Type fast and accurately without looking at the keyboard.
minute taking | meeting minutes | S | 10 | Record decisions and actions of meetings and circulate them.
travel arrangement | travel booking | S | 8 | Book travel and accommodation within policy and budget.
event coordination | event planning | S | 25 | Organise meetings, events and conferences: venues, suppliers, invitations and logistics.
reception duties | front desk operations; visitor management | S | 8 | Welcome visitors, answer the phone and run a reception area.
telephone etiquette | phone handling | S | 5 | Answer, transfer and handle calls courteously and efficiently.
executive support | executive assistance | S | 30 | Manage an executive's agenda, priorities, documents and communication.
office management | office administration | K | 40 | Run the day-to-day operations, supplies, services and staff of an office.
facilities management | | K | 40 | Maintain buildings, workplaces and services so people can work safely.
procurement | purchasing | S | 30 | Buy goods and services: quotes, orders, suppliers and approvals.
invoice processing | | S | 15 | Check, code and record invoices and route them for approval and payment.
inventory management | stock control | S | 20 | Track stock levels, order supplies and avoid shortages and waste.
process documentation | standard operating procedures; SOPs | S | 20 | Write down how work is done so it can be repeated, taught and improved.
confidential information handling | discretion | S | 5 | Keep personal and business-sensitive information secure and private.
""",
    ),
    (
        "customer-facing",
        "customer and sales skills",
        """
customer service | customer care | S | 20 | Help customers with questions, orders and problems courteously and effectively.
complaint handling | complaints management | S | 15 | Resolve customer complaints fairly and turn them into improvements.
de-escalation | calming upset customers | S | 10 | Calm tense conversations and bring them back to a solution.
CRM software | customer relationship management systems; CRM systems | S | 20 | Record and follow customer interactions, deals and cases in a CRM system.
ticketing systems | help desk software; case management tools | S | 10 | Log, prioritise and follow up support cases in a ticketing system.
live chat support | chat support | S | 10 | Serve several customers at once over chat with clear, friendly written answers.
product knowledge | | K | 20 | Know the products and services well enough to advise customers and solve problems.
customer needs analysis | needs assessment | S | 20 | Ask the right questions to understand what a customer actually needs.
knowledge base writing | help centre articles; self-service content | S | 15 | Write clear help articles and answers that let customers solve problems themselves.
service level agreements | SLA management | K | 15 | Understand and meet the response and resolution times agreed with customers.
sales techniques | selling skills | S | 40 | Open, qualify, present, handle objections and close sales.
consultative selling | solution selling | S | 30 | Sell by diagnosing a customer's problem and shaping a solution with them.
lead generation | prospecting | S | 30 | Find and qualify potential customers for the sales pipeline.
cold calling | outbound calling | S | 15 | Call prospects who do not expect it and earn a next conversation.
product demonstrations | product demos | S | 15 | Show a product's value live, tailored to the prospect's needs.
sales pipeline management | pipeline management | S | 25 | Keep deals moving through the stages of the pipeline and forecast the outcome.
sales forecasting | | S | 30 | Predict future sales from the pipeline, history and market signals.
upselling and cross-selling | | S | 15 | Offer existing customers upgrades and complementary products that fit their needs.
account management | key account management | S | 40 | Grow long-term relationships and revenue with existing customers.
contract negotiation | deal negotiation | S | 30 | Agree prices, terms and conditions that work for both sides.
customer success management | customer success | S | 40 | Make sure customers reach their goals with a product so they stay and grow.
customer onboarding | client onboarding | S | 20 | Get new customers set up and getting value from a product quickly.
customer retention | churn reduction | S | 25 | Spot customers at risk of leaving and act to keep them.
customer feedback analysis | voice of the customer; customer insight | S | 20 | Collect and analyse surveys, reviews and support data to learn what customers think.
customer journey mapping | journey mapping | S | 25 | Map the steps and feelings of customers across touchpoints to find pain points.
""",
    ),
    (
        "data-and-ai",
        "data and AI skills",
        """
data analytics | data analysis | S | 80 | Inspect, transform and model data to answer business questions.
SQL | structured query language; SQL querying | S | 60 | Query, join, filter and aggregate data in relational databases with SQL.
data visualisation | data visualization; charting | S | 40 | Present data in charts and visuals that make patterns clear and honest.
statistics | statistical analysis | K | 80 | Descriptive and inferential statistics, sampling, significance and regression.
spreadsheet modelling | advanced spreadsheets; spreadsheet analysis | S | 40 | Build analyses with formulas, pivot tables and lookups in a spreadsheet.
data cleaning | data wrangling; data preparation | S | 30 | Find and fix missing, duplicated and inconsistent data before analysis.
dashboard design | BI dashboards | S | 30 | Design dashboards that show the right metrics to the right audience.
business intelligence tools | BI tools; self-service BI | S | 30 | Build reports and dashboards in a business intelligence tool.
data storytelling | presenting insights | S | 20 | Turn analysis into a clear narrative that leads to a decision.
Python | Python programming | S | 120 | Write programs in Python, including scripts for data and automation.
Python data libraries | pandas; NumPy | S | 40 | Load, transform and analyse tabular data with Python's data libraries.
R programming | R language | S | 80 | Analyse data and build statistical models in R.
data modelling | dimensional modelling | S | 40 | Design how data is structured in tables and relationships for analysis.
ETL pipelines | data pipelines; extract transform load | S | 60 | Build and run pipelines that extract, transform and load data reliably.
data warehousing | | K | 50 | How data warehouses and lakes store and serve data for analysis.
big data processing | distributed data processing; Spark | S | 60 | Process datasets too large for one machine with distributed engines.
data governance | | K | 40 | Ownership, definitions, access rules and lifecycle of an organisation's data.
data quality management | | S | 30 | Define, measure and improve the accuracy and completeness of data.
experimental design | experimentation; hypothesis testing | K | 40 | Plan experiments so their results are valid and can be trusted.
predictive modelling | predictive analytics | S | 60 | Build models that forecast outcomes from historical data.
machine learning | ML | K | 150 | Algorithms that learn from data: supervised, unsupervised and evaluation methods.
deep learning | neural networks | K | 120 | Neural network architectures and how to train them.
natural language processing | NLP | K | 80 | Methods that let computers process, understand and generate text.
feature engineering | | S | 40 | Create and select input variables that help models learn.
model evaluation | model validation | S | 30 | Measure model quality with the right metrics, test sets and error analysis.
MLOps | model deployment; machine learning operations | S | 60 | Deploy, monitor and retrain machine-learning models in production.
LLM fine-tuning | fine-tuning language models | S | 60 | Adapt pretrained language models to a task with curated training data.
data labelling | data annotation; data labeling | S | 15 | Annotate text, images or audio consistently to create training data for AI.
annotation guidelines | labelling guidelines | S | 15 | Write and apply clear rules that make annotations consistent between people.
AI output evaluation | LLM evaluation; response rating | S | 20 | Judge AI answers for accuracy, helpfulness and safety against a rubric.
prompt writing | prompt engineering; prompt design | S | 15 | Write instructions and examples that make generative AI produce useful results.
generative AI tools | AI assistants; using generative AI | S | 10 | Use AI assistants and generators productively and check what they produce.
AI ethics | responsible AI; AI safety basics | K | 20 | Bias, fairness, transparency, privacy and safety questions raised by AI systems.
data literacy | | K | 15 | Read, question and discuss data, charts and metrics with confidence.
""",
    ),
    (
        "software-engineering",
        "software skills",
        """
software development | programming; coding | S | 200 | Design, write, test and maintain software that meets requirements.
JavaScript | JS | S | 100 | Build interactive web front ends and servers in JavaScript.
TypeScript | | S | 40 | Write type-checked JavaScript for larger, safer codebases.
Java | Java programming | S | 120 | Build applications and services in Java.
HTML and CSS | HTML; CSS | S | 40 | Structure and style web pages with HTML and CSS.
front-end frameworks | component frameworks; single-page applications | S | 60 | Build web interfaces with a component-based front-end framework.
front-end development | frontend development | S | 80 | Build the parts of web applications that run in the browser.
back-end development | server-side development; backend development | S | 80 | Build the server side of applications: logic, data access and APIs.
REST APIs | web APIs; API design | S | 40 | Design, build and consume HTTP APIs.
relational databases | database design | K | 40 | How relational databases store data, and how to design schemas, keys and indexes.
version control | Git | S | 15 | Track changes to code and collaborate with branches and merge requests.
object-oriented programming | OOP | K | 40 | Classes, objects, interfaces and design patterns.
algorithms and data structures | | K | 80 | Common algorithms and data structures and their cost in time and memory.
software architecture | system design | K | 100 | Structure systems into components and choose trade-offs that last.
unit testing | | S | 25 | Write automated tests for small units of code.
software testing | manual testing; QA testing | S | 30 | Plan and run tests that find defects before users do.
test automation | automated testing | S | 40 | Automate functional and regression tests and run them in pipelines.
bug tracking | issue tracking; defect tracking | S | 5 | Report, reproduce and track defects clearly in an issue tracker.
debugging | | S | 20 | Find and fix the cause of faults in code systematically.
code review | peer review of code | S | 20 | Review others' code for correctness, clarity and maintainability, and give useful feedback.
continuous integration and delivery | CI/CD | S | 30 | Build, test and release software automatically on every change.
secure coding | application security | S | 30 | Write code that resists common attacks such as injection and broken access control.
mobile app development | | S | 100 | Build applications for smartphones and tablets.
technical documentation | technical writing | S | 20 | Write documentation that helps others use, run and maintain a system.
technical leadership | tech lead skills | S | 60 | Guide a team's technical decisions, standards and growth.
""",
    ),
    (
        "it-operations",
        "IT operations skills",
        """
technical support | IT support; help desk support | S | 40 | Help users solve problems with computers, software, accounts and devices.
troubleshooting | fault diagnosis | S | 30 | Find the cause of technical problems step by step and fix them.
remote support tools | remote desktop support | S | 8 | Help users through remote access and screen-sharing tools.
desktop operating systems | Windows and macOS administration | S | 30 | Install, configure and maintain desktop operating systems.
hardware installation | hardware setup | S | 15 | Set up, upgrade and repair computers, printers and peripherals.
endpoint management | device management | S | 20 | Deploy software, updates and policies to laptops and phones centrally.
identity and access management | user account management; IAM | S | 30 | Manage user accounts, permissions and authentication.
IT service management | ITSM; IT service processes | K | 30 | Processes for delivering IT services: requests, incidents, problems and changes.
incident management | | S | 20 | Restore service quickly when something breaks and learn from the incident.
IT asset management | | S | 15 | Keep track of hardware, software and licences through their lifecycle.
Linux administration | Linux | S | 60 | Install, configure and secure Linux servers.
server administration | | S | 40 | Run servers: patching, storage, services, users and performance.
networking fundamentals | computer networking; TCP/IP | K | 50 | How networks, addressing, routing and common protocols work.
network administration | | S | 50 | Configure and maintain switches, routers, firewalls and wireless networks.
virtualisation | virtualization; virtual machines | S | 30 | Run and manage virtual machines and hypervisors.
cloud computing | cloud platforms | K | 60 | Cloud service models, providers and how to build on them.
cloud administration | cloud operations | S | 60 | Provision, secure and run infrastructure on a public cloud.
containerisation | containers; Docker | S | 30 | Package and run applications in containers and orchestrate them.
infrastructure as code | IaC | S | 40 | Define and change infrastructure through versioned code.
scripting | shell scripting; PowerShell | S | 40 | Automate administrative tasks with shell and scripting languages.
system monitoring | observability | S | 20 | Watch systems with metrics, logs and alerts and act before users notice.
backup and recovery | disaster recovery | S | 20 | Back up data and systems and restore them when needed.
cybersecurity fundamentals | information security basics | K | 40 | Threats, controls and good practice that keep systems and data safe.
network security | firewall management | S | 40 | Protect networks with segmentation, firewalls and secure remote access.
security incident response | | S | 40 | Detect, contain and recover from security incidents.
vulnerability management | | S | 30 | Find, rank and fix weaknesses in systems before attackers do.
""",
    ),
    (
        "leadership",
        "leadership skills",
        """
team leadership | leading teams | S | 60 | Set direction, organise work and support a team to deliver together.
people management | line management | S | 50 | Manage the work, wellbeing and development of direct reports.
delegation | | S | 10 | Hand work to the right people with clear expectations and the authority to act.
giving feedback | feedback conversations | S | 10 | Give timely, specific, constructive feedback that people can act on.
goal setting | objectives and key results; OKRs | S | 15 | Set clear, measurable goals for people and teams and follow them up.
KPI management | performance metrics | S | 20 | Choose, track and act on the key performance indicators of a team or business.
shift planning | rota planning; workforce scheduling | S | 10 | Schedule staff across shifts to meet demand within working-time rules.
team building | | S | 20 | Form teams and build trust and collaboration between their members.
employee motivation | motivating others | S | 15 | Understand what drives people and keep them motivated.
remote team management | hybrid team management | S | 15 | Lead people who work in different places and time zones.
inclusive leadership | | S | 15 | Lead so that everyone is heard, treated fairly and can contribute.
change management | organisational change management; organizational change management | S | 50 | Prepare, support and help people through organisational change.
strategic planning | strategy development | S | 60 | Set long-term goals and the plan and resources to reach them.
operations management | | K | 60 | Design and run the processes that deliver an organisation's products or services.
P&L management | profit and loss responsibility | S | 60 | Own revenue, costs and margin of a business unit.
crisis management | | S | 30 | Lead an organisation through sudden, serious disruptions.
corporate governance | | K | 40 | How boards, executives and controls direct and hold an organisation to account.
executive leadership | senior leadership | S | 100 | Lead an organisation or large unit: vision, culture, senior team and results.
""",
    ),
    (
        "finance",
        "finance skills",
        """
bookkeeping | | S | 60 | Record financial transactions accurately in the books of account.
accounts payable | AP; supplier payments | S | 20 | Process and pay supplier invoices on time and keep the ledger right.
accounts receivable | AR; credit control | S | 20 | Invoice customers, chase payments and keep the receivables ledger right.
bank reconciliation | reconciliations | S | 10 | Match bank statements with the books and resolve differences.
accounting software | | S | 20 | Record and report transactions in an accounting system.
expense management | expense reporting | S | 10 | Check and process employee expenses against policy.
payroll processing | payroll | S | 40 | Calculate and pay salaries, deductions and contributions correctly and on time.
month-end close | period-end closing | S | 20 | Close the books at month or year end with accruals, checks and reports.
budgeting | budget planning | S | 30 | Plan, allocate and track a budget and explain variances.
cost control | cost management | S | 30 | Monitor spending and keep costs within agreed limits.
variance analysis | budget variance analysis | S | 15 | Explain the difference between planned and actual figures.
cash flow management | | S | 30 | Forecast and manage cash coming in and going out.
financial reporting | | S | 60 | Prepare financial statements and reports for management and regulators.
financial analysis | | S | 80 | Analyse financial statements and data to judge performance and value.
financial modelling | financial modeling | S | 60 | Build spreadsheet models of revenue, costs and cash to test scenarios.
financial forecasting | forecasting | S | 40 | Project future revenue, costs and results from drivers and trends.
management accounting | cost accounting | K | 80 | Costing, budgeting and performance measures that support management decisions.
accounting standards | IFRS; GAAP | K | 80 | The rules that govern how transactions are recognised and reported.
taxation | tax compliance; VAT | K | 60 | Tax rules for businesses and how to comply with them.
auditing | internal audit | S | 60 | Examine records and controls to confirm they are accurate and compliant.
regulatory compliance | compliance | K | 40 | The laws and regulations an organisation must follow and how to show it does.
""",
    ),
    (
        "design",
        "design skills",
        """
graphic design | visual design | S | 120 | Communicate ideas visually with images, type, colour and layout.
typography | | S | 20 | Choose and set type so that text is readable and expressive.
layout and composition | page layout | S | 20 | Arrange elements on a page or screen in a clear visual hierarchy.
colour theory | color theory | K | 10 | How colours combine, contrast and carry meaning.
design software | graphic design software | S | 40 | Use vector, raster and layout design applications fluently.
photo editing | image editing; photo retouching | S | 20 | Correct, retouch and prepare photographs for print and screen.
illustration | digital illustration | S | 60 | Draw images and icons by hand or digitally.
motion graphics | animation | S | 60 | Animate graphics and text for video and interfaces.
print production | prepress | S | 20 | Prepare files for professional printing and check proofs.
branding and visual identity | visual identity design; logo design | S | 40 | Design logos, colour palettes and guidelines that make a brand recognisable.
UX research | user research | S | 60 | Learn how people behave and what they need through interviews, observation and data.
usability testing | user testing | S | 25 | Watch people try a design to find where it confuses them.
wireframing | | S | 20 | Sketch the structure of screens before visual design.
prototyping | interactive prototyping | S | 30 | Build clickable prototypes to test and explain designs.
interaction design | IxD | K | 50 | How interfaces respond to people: flows, states and feedback.
UI design | user interface design | S | 60 | Design the visual layer of digital products: screens, components and states.
design systems | component libraries; style guides | S | 40 | Build and maintain shared components and rules that keep products consistent.
information architecture | IA | K | 30 | Organise and label content so people can find their way.
accessibility | web accessibility; inclusive design | K | 30 | Make products usable by people with disabilities, following WCAG.
UX writing | microcopy; content design | S | 20 | Write the words of an interface so people understand what to do.
design thinking | human-centred design | K | 20 | A problem-solving approach that starts from people's needs and iterates.
""",
    ),
    (
        None,
        "interpersonal skills",
        """
stakeholder communication | communicating with stakeholders | T | 40 | Explain plans, progress and trade-offs to stakeholders in terms they care about.
emotional intelligence | EQ; emotional awareness | T | 40 | Recognise and manage one's own emotions and respond well to other people's.
active listening | | T | 15 | Listen fully, check understanding and respond to what was really said.
written communication | business writing | T | 30 | Write clear, correct and well-structured emails, reports and documents.
presentation skills | public speaking | T | 25 | Present ideas to a group clearly and with confidence.
teamwork | collaboration | T | 10 | Work with others towards a shared goal, sharing information and effort.
cross-functional collaboration | working across teams | T | 15 | Get work done with people from other teams and disciplines.
negotiation | negotiating | T | 30 | Reach agreements that serve one's goals and keep the relationship.
conflict resolution | conflict management | T | 25 | Bring disagreements into the open and resolve them constructively.
coaching and mentoring | coaching; mentoring | T | 40 | Help others learn and grow through questions, feedback and guidance.
influencing | persuasion | T | 25 | Win support for ideas from people one has no authority over.
customer orientation | customer focus | T | 10 | Put the customer's needs at the centre of one's work.
intercultural communication | cross-cultural communication | T | 20 | Communicate well with people from different cultures.
empathy | | T | 10 | Understand how others feel and see the situation from their side.
""",
    ),
    (
        None,
        "personal effectiveness skills",
        """
time management | prioritisation; prioritization | T | 10 | Plan one's time, prioritise and meet deadlines.
planning and organising | organisational skills; organizational skills | T | 15 | Plan work and resources and keep many things in order.
problem solving | | T | 20 | Analyse a problem, weigh options and carry out a solution.
critical thinking | | T | 25 | Question assumptions and weigh evidence before drawing conclusions.
analytical thinking | analytical skills | T | 20 | Break complex information down and reason about it logically.
decision making | | T | 25 | Make timely, well-founded decisions and own them.
attention to detail | accuracy | T | 10 | Work carefully and spot errors and inconsistencies.
adaptability | flexibility | T | 10 | Adjust to new situations, tools and priorities.
creativity | creative thinking | T | 20 | Come up with original ideas and new ways of doing things.
learning agility | self-directed learning | T | 10 | Learn new things quickly and apply them.
stress management | resilience | T | 10 | Stay effective and balanced under pressure.
professional ethics | integrity | T | 15 | Act honestly and responsibly, following professional and ethical standards.
business acumen | commercial awareness | T | 40 | Understand how a business makes money and what drives its results.
""",
    ),
    (
        None,
        "digital workplace skills",
        """
digital literacy | digital skills | T | 15 | Use computers, the internet and common applications confidently and safely.
spreadsheets | spreadsheet software | S | 30 | Enter, format, calculate and chart data in a spreadsheet.
remote collaboration tools | video conferencing; team chat | S | 10 | Work together through video calls, chat, shared documents and online whiteboards.
workflow automation | process automation; no-code automation | S | 40 | Automate repetitive multi-step work by connecting applications with no-code or low-code tools.
data protection | GDPR; data privacy | K | 20 | The rules on handling personal data and how to apply them at work.
""",
    ),
]
