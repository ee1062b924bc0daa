//! The statement rules of `grammar.pest`, one function (or one arm) per rule, over tokens.

use super::Parser;
use crate::syntax::keywords::Context;
use crate::syntax::kind::SyntaxKind::{self, *};

impl Parser<'_> {
    /// The rule of a statement node that a keyword starts (the node kinds of
    /// `keywords::KEYWORDS`); `None` for a node that is not such a statement.
    pub(super) fn keyword_statement(&mut self, node: SyntaxKind) -> Option<bool> {
        Some(match node {
            // Top level.
            USE_STMT => self.node(node, |p| p.keyword() && p.eat(STRING)),
            DEPARTMENT => self.node(node, |p| {
                p.keyword() && p.ident() && p.eat(STRING) && {
                    p.block(ATTR_BLOCK, Context::Department);
                    true
                }
            }),
            DICTIONARY => self.node(node, |p| {
                p.keyword() && p.ident() && p.eat(STRING) && p.block(ENTRY_BLOCK, Context::Entries)
            }),
            MATTER => self.node(node, |p| {
                p.keyword() && p.ident() && p.eat(STRING) && p.block(MATTER_BLOCK, Context::Matter)
            }),
            // Matter and item statements.
            BASIS_STMT | CONSULT_STMT | COMPLAINT_STMT | CONDITION_STMT | NOTE_STMT
            | OPTIONAL_STMT => self.node(node, |p| p.keyword() && p.eat(STRING)),
            CODE_STMT => self.node(node, |p| p.keyword() && p.eat(STRING) && p.source()),
            LEAD_STMT | WINDOW_STMT | DEPARTMENT_STMT | KIND_STMT => {
                self.node(node, |p| p.keyword() && p.ident())
            }
            PROMISE_STMT => self.node(node, |p| p.keyword() && p.limit()),
            LEGAL_STMT => self.node(node, |p| {
                p.keyword()
                    && (p.attempt(|p| p.eat_keyword(UNREGULATED_KW) && p.source()) || p.limit())
            }),
            VISITS_STMT => self.node(node, |p| p.keyword() && p.eat(NUMBER)),
            DELIVERY_STMT => self.node(node, |p| {
                p.keyword() && p.ident() && {
                    while p.attempt(|p| p.eat(COMMA) && p.ident()) {}
                    true
                }
            }),
            APPLICANT_STMT => self.node(node, |p| {
                p.keyword() && p.eat(STRING) && {
                    while p.attempt(|p| p.eat(COMMA) && p.eat(STRING)) {}
                    true
                }
            }),
            WARN_STMT => self.node(node, |p| p.keyword() && p.percent()),
            EXTENSION_STMT => self.node(node, |p| p.keyword() && p.duration() && p.eat(STRING)),
            WORSE_STMT => self.node(node, |p| p.keyword() && p.ident() && p.eat(STRING)),
            SITUATION => self.node(node, |p| {
                p.keyword()
                    && p.ident()
                    && p.eat(STRING)
                    && (p.eat_keyword(BOOL_KW) || {
                        p.eat_keyword(MULTI_CHOICE_KW);
                        p.block(OPTION_BLOCK, Context::Options)
                    })
            }),
            RULE_STMT => self.node(node, |p| {
                p.keyword()
                    && p.eat(STRING)
                    && p.node(RULE_BLOCK, |p| {
                        p.eat(L_BRACE)
                            && {
                                p.newlines();
                                p.expr()
                            }
                            && {
                                p.newlines();
                                p.eat(R_BRACE)
                            }
                    })
            }),
            SHARED | FORM => self.node(node, |p| {
                p.keyword() && p.block(ENTRY_BLOCK, Context::Entries)
            }),
            ITEM => self.node(node, |p| {
                p.keyword() && p.ident() && p.eat(STRING) && p.block(ITEM_BLOCK, Context::Item)
            }),
            FLOW => self.node(node, |p| p.keyword() && p.block(FLOW_BLOCK, Context::Flow)),
            WHEN_STMT => self.node(node, |p| p.keyword() && p.expr()),
            COST_STMT => self.node(node, |p| p.keyword() && p.eat(STRING) && p.source()),
            FEE_STMT => self.node(node, |p| {
                p.keyword()
                    && (p.fee_table()
                        || (p.eat_keyword(NONE_KW)
                            || (p.eat(NUMBER) && p.eat_keyword(YUAN_KW) && {
                                p.eat(STRING);
                                true
                            }))
                            && p.source())
            }),
            MATERIAL => self.node(node, |p| {
                p.keyword() && p.path() && {
                    p.eat(STRING);
                    p.block(ATTR_BLOCK, Context::Material);
                    true
                }
            }),
            OUTPUT => self.node(node, |p| {
                p.keyword() && p.ident() && p.eat(STRING) && {
                    p.block(ATTR_BLOCK, Context::Output);
                    true
                }
            }),
            REVIEW => self.node(node, |p| {
                p.keyword() && p.block(REVIEW_BLOCK, Context::Review)
            }),
            FAQ => self.node(node, |p| p.keyword() && p.eat(STRING) && p.eat(STRING)),
            // Flow statements.
            ACCEPT_STMT => self.node(node, |p| {
                p.keyword() && p.duration() && p.eat_keyword(BY_KW) && p.ident()
            }),
            DELIVER_STMT => self.node(node, |p| p.keyword() && p.duration()),
            WAIT_STMT => self.node(node, |p| {
                p.keyword()
                    && p.ident()
                    && p.eat(STRING)
                    && p.duration()
                    && {
                        p.eat_keyword(ROLL_FORWARD_KW);
                        true
                    }
                    && p.source()
                    && {
                        p.attempt(|p| p.eat_keyword(WHEN_KW) && p.expr());
                        true
                    }
            }),
            _ => return None,
        })
    }

    /// The keyword that picked the statement's rule, consumed as that keyword.
    fn keyword(&mut self) -> bool {
        match self.keyword_at() {
            Some(kw) => {
                self.bump(kw);
                true
            }
            None => false,
        }
    }

    /// `source? = { kw_basis ~ string }?`: an optional source after a fact; always true.
    fn source(&mut self) -> bool {
        self.node(SOURCE, |p| p.eat_keyword(BASIS_KW) && p.eat(STRING));
        true
    }

    /// `fee_table = { "{" ~ sep? ~ fee_arm ~ (sep ~ fee_arm)* ~ sep? ~ "}" }`.
    fn fee_table(&mut self) -> bool {
        self.node(FEE_TABLE, |p| {
            if !(p.eat(L_BRACE) && {
                p.separators();
                p.fee_arm()
            }) {
                return false;
            }
            while p.attempt(|p| p.separators() && p.fee_arm()) {}
            p.separators();
            p.eat(R_BRACE)
        })
    }

    /// `fee_arm = { kw_otherwise? ~ (kw_none | number ~ kw_yuan) ~ source? ~ (kw_when ~ expr)? }`.
    fn fee_arm(&mut self) -> bool {
        self.node(FEE_ARM, |p| {
            p.eat_keyword(OTHERWISE_KW);
            (p.eat_keyword(NONE_KW) || (p.eat(NUMBER) && p.eat_keyword(YUAN_KW))) && p.source() && {
                p.attempt(|p| p.eat_keyword(WHEN_KW) && p.expr());
                true
            }
        })
    }

    /// `chain = { ident ~ ("->" ~ nl* ~ ident)+ }`.
    pub(super) fn chain(&mut self) -> bool {
        self.node(CHAIN, |p| {
            if !p.ident() {
                return false;
            }
            let mut steps = 0;
            while p.attempt(|p| {
                p.eat(ARROW) && {
                    p.newlines();
                    p.ident()
                }
            }) {
                steps += 1;
            }
            steps > 0
        })
    }

    /// `limit = _{ limit_block | duration ~ source? ~ (kw_when ~ expr)? }`.
    fn limit(&mut self) -> bool {
        if self.block(LIMIT_BLOCK, Context::Limits) {
            return true;
        }
        self.duration() && self.source() && {
            self.attempt(|p| p.eat_keyword(WHEN_KW) && p.expr());
            true
        }
    }

    /// `limit_arm = { kw_otherwise? ~ duration ~ source? ~ (kw_when ~ expr)? }`.
    pub(super) fn limit_arm(&mut self) -> bool {
        self.node(LIMIT_ARM, |p| {
            p.eat_keyword(OTHERWISE_KW);
            p.duration() && p.source() && {
                p.attempt(|p| p.eat_keyword(WHEN_KW) && p.expr());
                true
            }
        })
    }

    /// `duration = { kw_immediate | number ~ (kw_workdays | kw_days | kw_hours) }`.
    fn duration(&mut self) -> bool {
        self.node(DURATION, |p| {
            p.eat_keyword(IMMEDIATE_KW)
                || (p.eat(NUMBER)
                    && (p.eat_keyword(WORKDAYS_KW)
                        || p.eat_keyword(DAYS_KW)
                        || p.eat_keyword(HOURS_KW)))
        })
    }

    /// `percent = ${ number ~ "%" }`: nothing between the number and the sign.
    fn percent(&mut self) -> bool {
        self.node(PERCENT, |p| {
            p.eat(NUMBER) && p.adjacent(PERCENT_SIGN) && p.eat(PERCENT_SIGN)
        })
    }

    /// `path = ${ ident ~ ("." ~ ident)? }`: nothing around the dot.
    fn path(&mut self) -> bool {
        self.node(PATH, |p| {
            if !p.ident() {
                return false;
            }
            let dotted = p.adjacent(DOT) && p.lexed.get(p.pos + 1) == Some(&IDENT);
            if dotted {
                p.bump(DOT);
                p.bump(IDENT);
            }
            true
        })
    }

    /// `option = { kw_option? ~ ident ~ string }`.
    pub(super) fn option(&mut self) -> bool {
        self.node(OPTION, |p| {
            p.eat_keyword(OPTION_KW);
            p.ident() && p.eat(STRING)
        })
    }

    /// `entry = { path ~ alias? ~ string? ~ field_type? ~ attr_block? }`.
    pub(super) fn entry(&mut self) -> bool {
        if !self.at(IDENT) {
            return false;
        }
        self.node(ENTRY, |p| {
            if !p.path() {
                return false;
            }
            p.node(ALIAS, |p| p.eat(EQ) && p.path());
            p.eat(STRING);
            p.field_type();
            p.block(ATTR_BLOCK, Context::Constraints);
            true
        })
    }

    /// `field_type = { choice_type | list_type | simple_type }`.
    fn field_type(&mut self) -> bool {
        let matched = match self.keyword_at() {
            Some(kw @ (CHOICE_KW | MULTI_CHOICE_KW)) => self.node(CHOICE_TYPE, |p| {
                p.eat_keyword(kw) && p.block(OPTION_BLOCK, Context::Options)
            }),
            Some(LIST_KW) => self.node(LIST_TYPE, |p| {
                p.eat_keyword(LIST_KW) && p.block(ENTRY_BLOCK, Context::Entries)
            }),
            _ => false,
        };
        matched || (self.at(IDENT) && self.node(SIMPLE_TYPE, |p| p.ident()))
    }

    /// `attr = { (attr_when | ident ~ (kw_when ~ expr | !kw_message ~ value ~ ("," ~
    /// value)*)?) ~ constraint_message* }`.
    pub(super) fn attr(&mut self) -> bool {
        self.node(ATTR, |p| {
            let head = p.attempt(|p| p.eat_keyword(WHEN_KW) && p.expr())
                || p.ident() && {
                    if !p.attempt(|p| p.eat_keyword(WHEN_KW) && p.expr())
                        && !p.at_keyword(MESSAGE_KW)
                        && p.value()
                    {
                        while p.attempt(|p| p.eat(COMMA) && p.value()) {}
                    }
                    true
                };
            head && {
                while p.node(CONSTRAINT_MESSAGE, |p| {
                    p.eat_keyword(MESSAGE_KW) && p.eat(STRING)
                }) {}
                true
            }
        })
    }

    /// `value = { string | percent | number | kw_true | kw_false | ident }`.
    fn value(&mut self) -> bool {
        match self.peek() {
            Some(STRING) => self.eat(STRING),
            Some(NUMBER) => self.percent() || self.eat(NUMBER),
            Some(IDENT) => self.eat_keyword(TRUE_KW) || self.eat_keyword(FALSE_KW) || self.ident(),
            _ => false,
        }
    }
}
