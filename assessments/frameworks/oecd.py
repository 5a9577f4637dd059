"""A framework organised by the six dimensions of the OECD Digital Government
Policy Framework, two to three questions each, with our own level descriptors."""

from .content import FrameworkContent, dimension, question

OECD = FrameworkContent(
    code="oecd-digital-government",
    name="Digital government (OECD policy framework)",
    description=(
        "How far the organisation has moved from e-government to digital government, "
        "along the six dimensions of the OECD Digital Government Policy Framework."
    ),
    source="OECD Digital Government Policy Framework (six dimensions)",
    dimensions=(
        dimension(
            "Digital by design",
            "Digital is considered from the start of policy and service design, not added at the end.",
            ("leadership-commitment", "technology-adoption"),
            question(
                "When are digital options considered in new policy?",
                "Digital delivery is thought about only after a policy has been agreed.",
                "Digital teams are consulted late, when the design can barely change.",
                "New policies are checked for how they can be delivered digitally before approval.",
                "Policy and digital teams design new policies together from the first draft.",
                "Policy is drafted so that it can be delivered digitally by default, and tested with users before it is final.",
            ),
            question(
                "How are services redesigned rather than just digitised?",
                "Paper forms are copied onto screens without change.",
                "Some steps are removed, but the underlying process stays the same.",
                "Major services are redesigned end to end before they are moved online.",
                "Redesign removes steps across organisational boundaries.",
                "Services are redesigned continuously as needs, law and technology change.",
            ),
            question(
                "How is digital inclusion built into design?",
                "People who cannot use digital services are left to find their own way.",
                "An offline route exists, but it is slower and harder than online.",
                "Assisted digital support is planned for every new online service.",
                "Services are tested with people with low digital skills and access needs.",
                "Nobody is disadvantaged by the channel they use, and this is measured.",
            ),
        ),
        dimension(
            "Data-driven public sector",
            "Data is governed and used as a strategic asset to plan, deliver and evaluate.",
            ("data-management-and-security",),
            question(
                "How is data governed across the organisation?",
                "There are no data roles, rules or standards.",
                "Data rules exist in some teams but are applied unevenly.",
                "A chief data officer or equivalent sets standards that most teams follow.",
                "Data governance covers the whole organisation and is checked regularly.",
                "Data governance is joined up with other public bodies, so data can be shared safely.",
            ),
            question(
                "How is data used to anticipate needs and evaluate results?",
                "Data is used only to produce statutory returns.",
                "Performance data is looked at after problems appear.",
                "Data is used to plan services and report their results.",
                "Analysis predicts demand and the effects of policy choices.",
                "Evaluation data feeds back into policy and services as a routine cycle.",
            ),
        ),
        dimension(
            "Government as a platform",
            "Shared tools, components and guidance let teams build services faster and consistently.",
            ("technology-adoption", "collaborative-partnerships"),
            question(
                "How much are common components (identity, payments, notifications) reused?",
                "Every service builds its own sign-in, payments and messages.",
                "A few services share components informally.",
                "Approved common components are available and used by new services.",
                "Using common components is the default and exceptions must be justified.",
                "The organisation contributes to and maintains common components used by others.",
            ),
            question(
                "How are design standards and guidance shared?",
                "Each team designs its pages and forms in its own way.",
                "A style guide exists but is not kept up to date.",
                "A design system with tested patterns is used by most teams.",
                "The design system is maintained by a team and improved from research.",
                "The design system is shared across government and improved together.",
            ),
        ),
        dimension(
            "Open by default",
            "Data, code, decisions and processes are open to the public unless there is a reason not to be.",
            ("collaborative-partnerships", "data-management-and-security"),
            question(
                "How much data is published as open data?",
                "Data is published only when someone makes a formal request.",
                "Some datasets are published as documents that are hard to reuse.",
                "Key datasets are published in reusable formats with clear licences.",
                "Open data is published on a schedule and its use is tracked.",
                "Open data is published by default and users help decide what comes next.",
            ),
            question(
                "How open are decisions and the progress of digital work?",
                "Decisions about digital work are taken behind closed doors.",
                "Major decisions are announced, but the reasons are not given.",
                "Plans, spending and progress are published at least once a year.",
                "Roadmaps and progress are published and updated as work moves.",
                "The public can follow and comment on work in progress, and replies are published.",
            ),
        ),
        dimension(
            "User-driven",
            "People's needs and voices shape policies and services, not the structure of government.",
            ("change-management",),
            question(
                "How are users involved in shaping services?",
                "Users are not involved; services are shaped by internal priorities.",
                "Users are surveyed once a service is already live.",
                "Users take part in research and testing of major changes.",
                "Users take part in every stage from discovery to live.",
                "Users and communities help set priorities and co-design services.",
            ),
            question(
                "How is user satisfaction and feedback acted on?",
                "Feedback is not collected.",
                "Feedback is collected but rarely read.",
                "Feedback is reviewed regularly and the main issues are fixed.",
                "Feedback and satisfaction are measured for every service and drive its backlog.",
                "Users can see what changed because of their feedback.",
            ),
        ),
        dimension(
            "Proactiveness",
            "Government anticipates needs and acts before people have to ask.",
            ("data-management-and-security", "agile-implementation-and-monitoring"),
            question(
                "How far are services triggered by life events rather than by applications?",
                "People must find and apply for every service themselves.",
                "Staff tell people about related services when asked.",
                "Services linked to a life event are signposted together.",
                "Some entitlements are offered automatically using data already held.",
                "People receive what they are entitled to without applying, with their consent.",
            ),
            question(
                "How quickly does the organisation respond to emerging needs?",
                "Changes to services take years and follow crises rather than anticipate them.",
                "Urgent changes are possible but disrupt other work.",
                "A process exists to spot new needs and change services within months.",
                "Teams monitor signals and adjust services within weeks.",
                "The organisation anticipates needs and adapts services before problems arise.",
            ),
        ),
    ),
)
